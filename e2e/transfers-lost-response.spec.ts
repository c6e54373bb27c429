// Nothing twice: with the emulator dropping the answers of the reversal POST (the reversal is made,
// the console never hears back), the operator's retry of the same confirmation reuses its
// idempotency key, and the transfer ends with exactly one reversal.
import { expect, test } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

test('a confirmed reversal exists exactly once though its answers were lost', async ({ page }) => {
  const { transfer } = await freshChargeWithFee(8000, 1000);
  const path = `/v1/transfers/${transfer}/reversals`;
  // Every attempt the SDK makes (the first and its network retries) loses its answer.
  const fault = await addFault({ lost_response: { path, count: 3 } });
  try {
    await page.goto(`/transfers/${transfer}`);
    await page.getByTestId('reverse-partial').check();
    await page.getByTestId('reverse-amount').fill('25');
    await page.getByTestId('reverse-description').fill('Lost answer test');
    await page.getByTestId('reverse-review-open').click();
    await page.getByTestId('review-tick').check();
    await page.getByTestId('review-confirm').click();
    // The console finds the change its lost answers hid (its key is in the object's metadata): the
    // operator sees it done, with no error and nothing to retry.
    await expect(page.getByTestId('reverse-done')).toContainText('Reversed $25.00 USD', { timeout: 20_000 });
    await expect(page.getByTestId('action-error')).toHaveCount(0);
  } finally {
    await removeFault(fault);
  }
  const reversals = await stripeGet<{ data: unknown[] }>(`${path}?limit=100`);
  expect(reversals.data).toHaveLength(1);
  expect((await stripeGet<{ amount_reversed: number }>(`/v1/transfers/${transfer}`)).amount_reversed).toBe(2500);
  const posts = await requestsTo('POST', path);
  expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
  expect(posts.some((p) => p.idempotent_replayed)).toBe(true);
  await expect(page.getByTestId('transfer-remaining')).toHaveText('$55.00 USD');
});
