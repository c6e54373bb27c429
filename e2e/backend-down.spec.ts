// The Stripe backend going away does not take the console with it: with the emulator refusing
// every connection (its "unreachable" fault, as if its process had died), every page says so in a
// banner with what is happening, pages that need Stripe show their error, the overview and the
// accounts list (read from the console's index), the audit log and team pages keep working, and the banner clears once
// the backend answers again. Runs in its own
// project, after every other journey, since the whole API is down meanwhile.
import { expect, test } from '@playwright/test';
import { SAMPLE_MONEY } from '../tests/fixtures/routes';
import { addFault, removeFault } from './support/money';
import { signIn } from './support/sign-in';

test('while the emulator does not answer, every page says so and the audit log and team pages still work', async ({ page }) => {
  // A dozen page loads, two of them waiting for the banner's cached probe to turn.
  test.setTimeout(60_000);
  await signIn(page, 'admin@demo.test');
  const banner = page.getByTestId('backend-banner');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(banner).toHaveCount(0);

  const fault = await addFault({ unreachable: {} });
  try {
    // The probe's answer is cached a few seconds: the banner shows on a later page load or poll.
    await expect(async () => {
      await page.reload();
      await expect(banner).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(banner).toContainText('The Stripe backend (emulator) is not answering.');
    // npm start (and the e2e server, which runs the same supervision) restarts the emulator.
    await expect(banner).toContainText('The start script restarts it by itself');
    await expect(banner).toContainText('its demo data starts over');
    // The audit log reads the console's own database: still there, under the banner.
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('audit-table')).toBeVisible();

    await page.goto('/team');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('role-picker-ops@demo.test')).toBeVisible();

    // Pages that need Stripe show their error in words, not a crash.
    await page.goto(`/transfers/${SAMPLE_MONEY.transfer}`);
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('error-box')).toContainText('Cannot reach the Stripe backend');
    // The overview counts from the console's index: still there.
    await page.goto('/');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('account-count')).toHaveText(/^\d[\d,]*$/);
    await expect(page.getByTestId('error-box')).toHaveCount(0);
    // The accounts list reads the console's index, not Stripe: every account is still listed.
    await page.goto('/accounts');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('the accounts list');
    await expect(page.getByTestId('tab-all')).toBeVisible();
    await expect(page.getByTestId('list-error')).toHaveCount(0);
    const rows = page.getByTestId('accounts-table').getByTestId('data-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByText('Application error')).toHaveCount(0);
    // An account's own page reads Stripe live: it says it cannot.
    await rows.first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/accounts\/acct_/);
    await expect(page.getByText(/^Account acct_\w+ could not be read$/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/^Cannot reach the Stripe backend/)).toBeVisible();
  } finally {
    await removeFault(fault);
  }

  // Back: the banner goes away by itself (the browser asks again), without a reload.
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
});
