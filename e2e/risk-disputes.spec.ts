// Disputes reach ops (issue 16): as ops, an account of the demo with a dispute still awaiting its
// response (read from the emulator's API, the account's own store: a direct charge's dispute) is
// in the risk queue under the open-disputes filter, its dispute in words in its row, and its case
// page lists the dispute with its reason, its status in words, the date a response is due and a
// link to the charge. Read-only.
import { expect, test } from '@playwright/test';
import type Stripe from 'stripe';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('ops') });

test('ops sees a disputed account ranked in the risk queue with the dispute in words, and the dispute on its case page', async ({ page }) => {
  const accounts = await listEmulatorAccounts<Stripe.Account>();
  let found: { account: string; dispute: Stripe.Dispute } | null = null;
  for (const a of accounts) {
    const list = await emulatorApi<{ data?: Stripe.Dispute[] }>('GET', '/v1/disputes?limit=100', undefined, a.id);
    const waiting = (list.body.data ?? []).find((d) => d.status === 'needs_response');
    if (waiting) {
      found = { account: a.id, dispute: waiting };
      break;
    }
  }
  expect(found, 'the demo has an open chargeback on a direct charge').not.toBeNull();
  const { account, dispute } = found!;
  const reason = dispute.reason.replace(/_/g, ' ');

  await page.goto('/risk?tab=all&limit=100');
  await page.getByTestId('filter-signal').selectOption('open_disputes');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/signal=open_disputes/);
  const scores = (await page.getByTestId('queue-table').getByTestId('queue-score').allInnerTexts()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const row = page.getByTestId('queue-table').getByTestId('data-row').filter({ has: page.getByTestId('queue-account').filter({ hasText: account }) });
  await expect(row.getByTestId('queue-reasons')).toContainText(new RegExp(`\\d+ disputes? open on its charges: .*${reason}`));

  await row.getByTestId('queue-account').click();
  await expect(page).toHaveURL(new RegExp(`/risk/accounts/${account}`));
  const shown = page.getByTestId('evidence-dispute').filter({ hasText: dispute.id });
  await expect(shown).toContainText('Needs a response');
  await expect(shown).toContainText(reason);
  await expect(shown.getByRole('link', { name: String(dispute.charge) })).toHaveAttribute('href', `/risk/charges/${dispute.charge}?account=${account}`);
  // A response is due: its date is shown (the row's fourth cell, after status, reason and amount, is not a dash).
  await expect(shown.locator('td').nth(3)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
});
