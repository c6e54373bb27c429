// Finance reverses part of a transfer, tries to reverse more than is left (refused in words, nothing
// sent), then reverses the rest: the transfer shows reversed, and the emulator agrees.
import { expect, test } from '@playwright/test';
import { freshChargeWithFee, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('finance') });

test('finance reverses part of a transfer, is refused more than is left, then reverses the rest', async ({ page }) => {
  const { transfer, account, fee } = await freshChargeWithFee(10000, 2000);
  const path = `/v1/transfers/${transfer}/reversals`;
  await page.goto(`/transfers/${transfer}`);
  await expect(page.getByTestId('transfer-remaining')).toHaveText('$100.00 USD');
  await expect(page.getByTestId('platform-balance')).toHaveCount(0); // the balance lives on the list pages

  await page.getByTestId('reverse-partial').check();
  await page.getByTestId('reverse-amount').fill('40');
  await page.getByTestId('reverse-refund-fee').check();
  await page.getByTestId('reverse-description').fill('Order partly cancelled');
  await page.getByTestId('reverse-review-open').click();
  await expect(page.getByTestId('review-sentence')).toHaveText(
    `Reverse $40.00 USD of transfer ${transfer}, taking it back from ${account}, and refund the matching share of its application fee to that account. $60.00 USD of it will be left.`,
  );
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  await expect(page.getByTestId('reverse-done')).toContainText('Reversed $40.00 USD');
  await expect(page.getByTestId('transfer-remaining')).toHaveText('$60.00 USD');
  await expect(page.getByTestId('transfer-state')).toHaveText('Partly reversed');
  // The fee was refunded in proportion (40% of 20.00).
  expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(800);

  // More than is left: refused before anything is sent.
  await page.getByTestId('reverse-partial').check();
  await page.getByTestId('reverse-amount').fill('60.01');
  await page.getByTestId('reverse-description').fill('Too much');
  await page.getByTestId('reverse-review-open').click();
  await expect(page.getByTestId('reverse-problem')).toHaveText('Only $60.00 USD of this transfer is left to reverse; $60.01 USD is more than that.');
  expect(await requestsTo('POST', path)).toHaveLength(1);

  await page.getByTestId('reverse-full').check();
  await page.getByTestId('reverse-description').fill('Rest of the order cancelled');
  await page.getByTestId('reverse-review-open').click();
  await expect(page.getByTestId('review-sentence')).toContainText(`Reverse $60.00 USD of transfer ${transfer} (all that is left of it)`);
  await page.getByTestId('review-tick').check();
  await page.getByTestId('review-confirm').click();
  await expect(page.getByTestId('transfer-state')).toHaveText('Fully reversed');
  await expect(page.getByTestId('transfer-remaining')).toHaveText('$0.00 USD');
  await expect(page.getByTestId('transfer-reversal')).toHaveCount(2);

  const stored = await stripeGet<{ amount_reversed: number; reversed: boolean }>(`/v1/transfers/${transfer}`);
  expect(stored).toMatchObject({ amount_reversed: 10000, reversed: true });
  // The second reversal did not ask for the fee: it stays refunded by the first one's share.
  expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(800);

  // The reversal's description and metadata can be edited.
  const reversal = page.getByTestId('transfer-reversal').filter({ hasText: 'Order partly cancelled' });
  await reversal.getByTestId('reversal-edit').click();
  await reversal.getByTestId('reversal-description').fill('Order partly cancelled (ticket FIN-9)');
  await reversal.getByTestId('reversal-save').click();
  await expect(reversal).toContainText('ticket FIN-9');
});

test('the reversals report totals the period and exports it', async ({ page }) => {
  await page.goto('/transfers/reversals');
  await expect(page.getByTestId('report-period')).toBeVisible();
  await expect(page.getByTestId('report-totals').or(page.getByTestId('report-empty'))).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  const csv = await page.request.get(`/api/transfers/reversals/export?from=${today}&to=${today}`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toBe('id,created_utc,transfer,destination,currency,amount_minor,amount');
});
