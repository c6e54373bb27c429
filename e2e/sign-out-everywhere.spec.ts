// "Sign out everywhere" ends every session of the operator: the one that asked, a copy of its
// cookie, and a separate sign-in elsewhere are all refused by a page, a route handler, a server
// action and the session endpoint. It ends the viewer's shared session too, so it runs in the
// last project (playwright.config.ts), after every journey that uses it.
import { expect, test } from '@playwright/test';
import { copyOfSession, expectSessionAccepted, expectSessionRefused, freshSession } from './support/sessions';

test('sign out everywhere ends every session of the operator', async ({ browser }) => {
  test.setTimeout(60_000); // three fresh sign-ins and four checks of each session
  const original = await freshSession(browser, 'viewer@demo.test');
  const copy = await copyOfSession(browser, original);
  const elsewhere = await freshSession(browser, 'viewer@demo.test');
  await expectSessionAccepted(copy, 'viewer@demo.test');
  await expectSessionAccepted(elsewhere, 'viewer@demo.test');

  const page = original.pages()[0]!;
  // Not a twin of Sign out: it sits in the operator's dialog, behind a confirmation that says what it does.
  await page.getByTestId('operator-open').click();
  await page.getByTestId('sign-out-everywhere').click();
  await expect(page.getByTestId('sign-out-everywhere-dialog')).toContainText('every session of viewer@demo.test on every device');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByTestId('sign-out-everywhere-dialog')).toBeHidden();
  await expectSessionAccepted(copy, 'viewer@demo.test');
  await page.getByTestId('sign-out-everywhere').click();
  await page.getByTestId('sign-out-everywhere-confirm').click();
  await page.waitForURL(/\/sign-in/);
  await expect(page.getByTestId('password-form')).toBeVisible();

  await expectSessionRefused(copy);
  await expectSessionRefused(elsewhere);
  await expectSessionRefused(original);
  for (const context of [original, copy, elsewhere]) await context.close();
});
