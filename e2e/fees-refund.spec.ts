// Support refunds part of an application fee, then the rest: the page says so in words before each
// confirmation, the fee ends fully refunded, and the emulator agrees. An amount above what is left
// is refused in the form and nothing is sent to Stripe.
import { expect, test } from '@playwright/test';
import { freshChargeWithFee, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('support') });

test('support refunds part of a fee, then the rest', async ({ page }) => {
  const { fee, account } = await freshChargeWithFee(10000, 2500);
  await page.goto(`/application-fees/${fee}`);
  await expect(page.getByTestId('fee-remaining')).toHaveText('$25.00 USD');

  await page.getByTestId('refund-partial').check();
  await page.getByTestId('refund-amount').fill('10.00');
  await page.getByTestId('refund-reason').fill('Merchant was overcharged');
  await page.getByTestId('refund-ticket').fill('SUP-4711');
  await page.getByTestId('refund-review-open').click();
  await expect(page.getByTestId('review-sentence')).toHaveText(`Refund $10.00 USD of fee ${fee} collected from ${account}. $15.00 USD of it will be left.`);
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  await expect(page.getByTestId('refund-done')).toContainText('Refunded $10.00 USD');
  await expect(page.getByTestId('fee-remaining')).toHaveText('$15.00 USD');
  await expect(page.getByTestId('fee-refund')).toHaveCount(1);
  await expect(page.getByTestId('fee-refund').first()).toContainText('SUP-4711');

  // The rest: "all that is left" is the default.
  await page.getByTestId('refund-reason').fill('Rest of the overcharge');
  await page.getByTestId('refund-review-open').click();
  await expect(page.getByTestId('review-sentence')).toContainText(`Refund $15.00 USD of fee ${fee} collected from ${account} (all that is left of it)`);
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  await expect(page.getByTestId('fee-state')).toHaveText('Fully refunded');
  await expect(page.getByTestId('fee-remaining')).toHaveText('$0.00 USD');
  await expect(page.getByTestId('refund-form')).toHaveCount(0);

  const stored = await stripeGet<{ amount_refunded: number; refunded: boolean; refunds: { data: Array<{ metadata: Record<string, string> }> } }>(`/v1/application_fees/${fee}`);
  expect(stored).toMatchObject({ amount_refunded: 2500, refunded: true });
  expect((await requestsTo('POST', `/v1/application_fees/${fee}/refunds`)).filter((r) => r.status === 200)).toHaveLength(2);

  // The refund's metadata can be edited afterwards.
  const first = page.getByTestId('fee-refund').filter({ hasText: 'SUP-4711' });
  await first.getByTestId('refund-metadata-edit').click();
  await first.getByTestId('metadata-add').click();
  await first.getByTestId('metadata-key').last().fill('followup');
  await first.getByTestId('metadata-value').last().fill('called back');
  await first.getByTestId('refund-metadata-save').click();
  await expect(first).toContainText('called back');
});

test('an amount above what is left is refused, and nothing is sent', async ({ page }) => {
  const { fee } = await freshChargeWithFee(4000, 1200);
  await page.goto(`/application-fees/${fee}`);
  await page.getByTestId('refund-partial').check();
  await page.getByTestId('refund-amount').fill('12.01');
  await page.getByTestId('refund-reason').fill('Too much');
  await page.getByTestId('refund-review-open').click();
  await expect(page.getByTestId('refund-problem')).toHaveText('Only $12.00 USD of this fee is left to refund; $12.01 USD is more than that.');
  await expect(page.getByTestId('refund-review')).toHaveCount(0);
  expect(await requestsTo('POST', `/v1/application_fees/${fee}/refunds`)).toHaveLength(0);
  expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(0);
});
