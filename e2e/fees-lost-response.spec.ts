// Nothing twice: with the emulator dropping the answers of the refund POST, the retried
// confirmation reuses its idempotency key and the fee ends with exactly one refund.
import { expect, test } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('support') });

test('a confirmed refund exists exactly once though its answers were lost', async ({ page }) => {
  const { fee } = await freshChargeWithFee(8000, 2000);
  const path = `/v1/application_fees/${fee}/refunds`;
  const fault = await addFault({ lost_response: { path, count: 3 } });
  try {
    await page.goto(`/application-fees/${fee}`);
    await page.getByTestId('refund-partial').check();
    await page.getByTestId('refund-amount').fill('7.50');
    await page.getByTestId('refund-reason').fill('Lost answer test');
    await page.getByTestId('refund-review-open').click();
    await page.getByTestId('review-tick').check();
    // A double click is one confirmation.
    await page.getByTestId('review-confirm').dblclick();
    // The console finds the change its lost answers hid (its key is in the object's metadata): the
    // operator sees it done, with no error and nothing to retry.
    await expect(page.getByTestId('refund-done')).toContainText('Refunded $7.50 USD', { timeout: 20_000 });
    await expect(page.getByTestId('action-error')).toHaveCount(0);
  } finally {
    await removeFault(fault);
  }
  const refunds = await stripeGet<{ data: unknown[] }>(`${path}?limit=100`);
  expect(refunds.data).toHaveLength(1);
  expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(750);
  const posts = await requestsTo('POST', path);
  expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
  expect(posts.some((p) => p.idempotent_replayed)).toBe(true);
  await expect(page.getByTestId('fee-remaining')).toHaveText('$12.50 USD');
});
