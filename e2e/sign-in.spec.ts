// Each demo operator signs in, sees exactly their role's navigation, and signs out; a signed-out
// visitor reaches nothing but the sign-in page.
import { expect, test } from '@playwright/test';
import { can } from '../lib/auth/permissions';
import { NAV_ITEMS, PAGE_ROUTES } from '../lib/auth/routes';
import { samplePath } from '../tests/fixtures/routes';
import { DEMO } from './support/roles';
import { signIn } from './support/sign-in';

for (const operator of DEMO) {
  test(`${operator.session}: signs in, sees the role's navigation, signs out`, async ({ page }) => {
    await signIn(page, operator.email);
    await expect(page.getByTestId('operator-role')).toBeVisible();
    const expected = ['Overview', ...NAV_ITEMS.filter((item) => can(operator.role, item.permission)).map((item) => item.label)];
    // A link may carry its count after the label ("Risk 104 accounts wait for a decision").
    await expect(page.getByTestId('console-nav').getByRole('link')).toHaveText(expected.map((label) => new RegExp(`^${label}(?![a-z])`)));
    await expect(page.getByTestId('mode-badge')).toHaveText(/emulator/i);

    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/audit');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByTestId('password-form')).toBeVisible();
  });
}

test('the sign-in page lists the demo operators on the emulator and refuses a wrong password', async ({ page }) => {
  await page.goto('/sign-in');
  for (const operator of DEMO) await expect(page.getByTestId('demo-operators')).toContainText(operator.email);
  await page.getByLabel('E-mail').fill('admin@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
});

test('a signed-out visitor is sent to the sign-in page from every page', async ({ request }) => {
  for (const route of PAGE_ROUTES) {
    const response = await request.get(samplePath(route.pattern), { maxRedirects: 0 });
    expect(response.status(), route.pattern).toBe(307);
    expect(response.headers().location, route.pattern).toMatch(/^\/sign-in/);
  }
  const exported = await request.get('/api/audit/export', { maxRedirects: 0 });
  expect(exported.status()).toBe(401);
});

test('keyboard: Ctrl-K opens the palette and an id jumps to its page', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette-input').fill('acct_1Nv0FGQ9RKHgCVdK');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/accounts\/acct_1Nv0FGQ9RKHgCVdK$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('acct_1Nv0FGQ9RKHgCVdK');
});
