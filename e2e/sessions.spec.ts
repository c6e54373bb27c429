// Signing out ends the session, not just this browser's cookie: a copy of the cookie taken before
// sign-out is refused afterwards by a page, a route handler, a server action and next-auth's
// session endpoint (which answers null and clears the cookie instead of renewing it).
import { test } from '@playwright/test';
import { copyOfSession, expectSessionAccepted, expectSessionRefused, freshSession } from './support/sessions';

test('a copied session cookie stops working when its session signs out', async ({ browser }) => {
  const original = await freshSession(browser, 'finance@demo.test');
  const copy = await copyOfSession(browser, original);
  await expectSessionAccepted(copy, 'finance@demo.test');

  const page = original.pages()[0]!;
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/sign-in/);

  await expectSessionRefused(copy);
  await original.close();
  await copy.close();
});
