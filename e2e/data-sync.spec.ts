// The Data sync page: an admin sees the backfill done with its counts per type (the accounts the
// emulator holds), the webhook inbox and when the last webhook arrived, and the catch-up; ops and
// viewers are refused, and the navigation offers the page to admins only. The admin runs a
// reconciliation and sees its result: the counts against the emulator's and the drift in words.
import { expect, test } from '@playwright/test';
import { countEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

test.describe('as the admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('the backfill is done, with the counts; webhooks have arrived; the catch-up runs', async ({ page }) => {
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Data sync' }).first().click();
    await expect(page).toHaveURL(/\/data-sync$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Data sync' })).toBeVisible();
    await expect(page.getByTestId('backfill-state')).toHaveText('done', { timeout: 15_000 });
    // The accounts step read at least every account the seed has (journeys may have made more since).
    const accounts = await countEmulatorAccounts();
    const read = Number((await page.getByTestId('backfill-step-accounts').getByTestId('step-objects').innerText()).replace(/[^\d]/g, ''));
    expect(read).toBeGreaterThan(200);
    expect(read).toBeLessThanOrEqual(accounts);
    await expect(page.getByTestId('index-accounts')).toContainText(/The index holds [\d,]+ connected accounts/);
    const held = Number((await page.getByTestId('index-accounts').innerText()).match(/holds ([\d,]+)/)![1].replace(/,/g, ''));
    expect(Math.abs(held - (await countEmulatorAccounts()))).toBeLessThanOrEqual(2);
    for (const step of ['accounts', 'charges', 'transfers', 'application_fees', 'topups', 'early_fraud_warnings', 'reviews', 'disputes']) {
      await expect(page.getByTestId(`backfill-step-${step}`)).toContainText('done');
    }
    await expect(page.getByTestId('sync-webhooks')).toBeVisible();
    await expect(page.getByTestId('run-backfill')).toBeEnabled();
    await expect(page.getByTestId('sync-catch-up')).toBeVisible();
  });

  test('runs a reconciliation and sees what it found', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/data-sync');
    await expect(page.getByTestId('backfill-state')).toHaveText('done', { timeout: 15_000 });
    await page.getByTestId('run-reconciliation').click();
    await expect(page.getByTestId('reconcile-message')).toHaveText('Reconciliation asked for; its result shows below when it finishes.');
    // The page refreshes itself: the run shows once it has finished, as the admin's.
    await expect(page.getByTestId('reconcile-asked-by')).toHaveText('admin@demo.test', { timeout: 60_000 });
    await expect(page.getByTestId('reconcile-state')).toHaveText('done');
    await expect(page.getByTestId('run-reconciliation')).toHaveText('Run reconciliation');
    // Journeys running beside this one may have changed objects in flight: drift, if any, is said in words and repaired.
    await expect(page.getByTestId('reconcile-result')).toContainText(/No drift: the counts match Stripe|out of step with Stripe/);
    for (const sentence of await page.getByTestId('reconcile-drift').allInnerTexts()) expect(sentence).toMatch(/; (repaired|.*not \(run a backfill\))\.$/);
    const cells = await page.getByTestId('reconcile-count-account').getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('accounts');
    const stripeCount = Number(cells[1]!.replace(/,/g, ''));
    expect(Math.abs(stripeCount - (await countEmulatorAccounts()))).toBeLessThanOrEqual(2);
  });
});

for (const role of ['ops', 'viewer'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });
    test('is refused, and the navigation does not offer it', async ({ page }) => {
      const response = await page.goto('/data-sync');
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId('sync-backfill')).toHaveCount(0);
      await page.goto('/accounts');
      await expect(page.getByRole('link', { name: 'Data sync' })).toHaveCount(0);
    });
  });
}
