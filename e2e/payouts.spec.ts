// Payouts, read-only: as finance, an account of the demo whose payouts fail (after its last paid
// one) shows them called out in words with their failure code at the top of its Payouts section
// (from the index), and one whose failures were followed by paid payouts says so quietly; the
// callout's link opens the Payouts list's Failed tab narrowed to the account, which lists the
// failed payout; the whole list's Failed tab counts every connected account's failed payouts, as
// the emulator holds them (each account's own, read with Stripe-Account).
import { expect, test } from '@playwright/test';
import type Stripe from 'stripe';
import { FAILURE_WORDS } from '../lib/payouts/words';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

/** Every connected account's failed payouts as the emulator's API shows them. */
async function emulatorFailedPayouts(): Promise<Array<{ account: string; payout: Stripe.Payout }>> {
  const accounts = await listEmulatorAccounts();
  const lists = await Promise.all(
    accounts.map(async (a) => ({ account: a.id, data: (await emulatorApi<{ data: Stripe.Payout[] }>('GET', '/v1/payouts?status=failed&limit=100', undefined, a.id)).body.data ?? [] })),
  );
  return lists.flatMap((l) => l.data.map((payout) => ({ account: l.account, payout })));
}

test.describe('as finance', () => {
  test.use({ storageState: storageStateFor('finance') });

  test("finds a failed payout on an account's page, in words with its code, and in the Payouts list's Failed tab", async ({ page }) => {
    const failed = await emulatorFailedPayouts();
    expect(failed.length).toBeGreaterThan(0);
    // Per account with a failure: which failures came after its last paid payout (a problem now),
    // from the account's newest payouts as the emulator lists them.
    const stories = await Promise.all(
      [...new Set(failed.map((f) => f.account))].map(async (account) => {
        const newest = (await emulatorApi<{ data: Stripe.Payout[] }>('GET', '/v1/payouts?limit=100', undefined, account)).body.data ?? [];
        const lastPaid = Math.max(-Infinity, ...newest.filter((p) => p.status === 'paid').map((p) => p.arrival_date));
        const ofAccount = failed.filter((f) => f.account === account);
        return { account, ofAccount, since: ofAccount.filter((f) => f.payout.arrival_date >= lastPaid) };
      }),
    );
    const failing = stories.find((s) => s.since.length > 0);
    expect(failing, 'the demo has an account whose payouts still fail').toBeDefined();
    const { account, ofAccount, since } = failing!;
    const payout = since[0]!.payout;
    const code = payout.failure_code!;
    expect(FAILURE_WORDS[code]).toBeDefined();

    // An account whose failures were followed by paid payouts: said quietly, not as an alert.
    const fixed = stories.find((s) => s.since.length === 0);
    if (fixed) {
      await page.goto(`/accounts/${fixed.account}`);
      await expect(page.getByTestId('payouts-failed-earlier')).toContainText(`${fixed.ofAccount.length} payout${fixed.ofAccount.length === 1 ? '' : 's'} failed earlier`);
      await expect(page.getByTestId('payouts-failed-callout')).toHaveCount(0);
    }

    await page.goto(`/accounts/${account}`);
    const callout = page.getByTestId('payouts-failed-callout');
    await expect(callout).toContainText(`${ofAccount.length} payout${ofAccount.length === 1 ? '' : 's'} failed:`);
    await expect(callout).toContainText(`${FAILURE_WORDS[code]} (${code})`);

    await callout.getByTestId('account-payouts-failed').click();
    await expect(page).toHaveURL(new RegExp(`/payouts\\?account=${account}&tab=failed$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
    const table = page.getByTestId('payout-table');
    await expect(table.getByTestId('data-row')).toHaveCount(Math.min(ofAccount.length, 25));
    const row = table.getByTestId('data-row').filter({ hasText: payout.id });
    await expect(row.getByTestId('payout-failure')).toHaveText(`Failed: ${FAILURE_WORDS[code]} (${code})`);
    for (const status of await table.getByTestId('payout-status').allInnerTexts()) expect(status).toBe('Failed');

    // The whole list: the Failed tab counts every account's failed payouts.
    await page.goto('/payouts?tab=failed');
    await expect(page.getByTestId('freshness-line')).toContainText(/Index updated/);
    await expect(page.getByTestId('payout-tabs').getByTestId('tab-failed').getByTestId('tab-count')).toHaveText(String(failed.length));
    await expect(page.getByTestId('list-summary')).toHaveText(`${failed.length} payout${failed.length === 1 ? '' : 's'} failed.`);
  });
});
