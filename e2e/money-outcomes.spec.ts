// What an operator meets around a money action: its failure stays on screen although the refresh
// after it fails too; a "changed since you reviewed" refusal leads to a fresh review with the
// current figures (and only that one request reaches Stripe); the History panel shows the action
// without a reload; and a fee already fully refunded is not offered for refunding with a reversal,
// which the server refuses too.
import { expect, test, type Request } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo, stripeGet, stripePost } from './support/money';
import { storageStateFor } from './support/roles';

test.describe('support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('a refund that fails while the backend is down keeps its failure on screen', async ({ page }) => {
    const { fee } = await freshChargeWithFee(6000, 1500);
    await page.goto(`/application-fees/${fee}`);
    await expect(page.getByTestId('fee-remaining')).toHaveText('$15.00 USD');
    await page.getByTestId('refund-reason').fill('Backend down journey');
    await page.getByTestId('refund-review-open').click();
    await page.getByTestId('review-tick').check();
    // Every call about this fee now fails: the refund, and the refresh of the page after it.
    const fault = await addFault({ error: { status: 429, path: `/v1/application_fees/${fee}*`, method: '*', message: 'The backend is down for this e2e journey.' } });
    // (The operator reads Stripe's error in the console's plain words, with its request id.)
    try {
      await page.getByTestId('review-confirm').click();
      const failure = page.getByTestId('refund-review').getByTestId('action-error');
      await expect(failure).toContainText('Too many requests');
      await expect(failure.getByTestId('action-error-request-id')).toHaveText(/^req_/);
      // The refresh failed too, and said so; the form and its failure are still there.
      await expect(page.getByTestId('refresh-failed')).toContainText('The fee could not be refreshed');
      await expect(failure).toBeVisible();
      await expect(page.getByTestId('fee-remaining')).toHaveText('$15.00 USD');
    } finally {
      await removeFault(fault);
    }
    // It stays until the operator dismisses it (Back), and nothing was refunded.
    await page.getByTestId('review-back').click();
    await expect(page.getByTestId('action-error')).toHaveCount(0);
    expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(0);
  });

  test('after a "changed since you reviewed" refusal the review opens again with the current figures', async ({ page }) => {
    const { fee, account } = await freshChargeWithFee(10000, 2500);
    await page.goto(`/application-fees/${fee}`);
    await expect(page.getByTestId('object-history').getByTestId('history-entry')).toHaveCount(0);
    await page.getByTestId('refund-reason').fill('All of it');
    await page.getByTestId('refund-review-open').click();
    await expect(page.getByTestId('review-sentence')).toHaveText(`Refund $25.00 USD of fee ${fee} collected from ${account} (the whole fee). The fee will then be fully refunded.`);
    await page.getByTestId('review-tick').check();

    // Behind the operator's back, someone refunds $10.00 USD of it directly.
    await stripePost(`/v1/application_fees/${fee}/refunds`, { amount: '1000' });
    await page.getByTestId('review-confirm').click();

    // Refused, nothing sent: a fresh review with what is left now, to be ticked again.
    await expect(page.getByTestId('review-changed')).toContainText('This fee changed since you reviewed the refund: $10.00 USD has now been refunded and $15.00 USD is left.');
    await expect(page.getByTestId('review-sentence')).toHaveText(`Refund $15.00 USD of fee ${fee} collected from ${account} (all that is left of it). The fee will then be fully refunded.`);
    await expect(page.getByTestId('review-tick')).not.toBeChecked();
    await expect(page.getByTestId('review-confirm')).toBeDisabled();
    await expect(page.getByTestId('fee-remaining')).toHaveText('$15.00 USD');
    await page.getByTestId('review-tick').check();
    await page.getByTestId('review-confirm').click();
    await expect(page.getByTestId('refund-done')).toContainText('Refunded $15.00 USD');
    await expect(page.getByTestId('fee-state')).toHaveText('Fully refunded');

    // The History panel shows both attempts without a reload: the refusal and the refund.
    const history = page.getByTestId('object-history').getByTestId('history-entry');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText('Refunded an application fee');
    await expect(history.first()).toContainText('Succeeded');
    await expect(history.nth(1)).toContainText('Failed');

    expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(2500);
    // Stripe saw the direct refund and one from the console: the refused review sent nothing.
    const posts = (await requestsTo('POST', `/v1/application_fees/${fee}/refunds`)).filter((r) => r.status === 200);
    expect(posts).toHaveLength(2);
    expect(posts.filter((r) => r.idempotency_key !== null)).toHaveLength(1);
  });
});

test.describe('finance', () => {
  test.use({ storageState: storageStateFor('finance') });

  test('the fee refund is not offered once the fee is fully refunded, and a reversal refused as changed reviews again', async ({ page, browser, baseURL }) => {
    const { transfer, fee, account } = await freshChargeWithFee(10000, 2000);
    // The whole fee was refunded on its own page: the reversal form no longer offers to refund it.
    await stripePost(`/v1/application_fees/${fee}/refunds`, {});
    await page.goto(`/transfers/${transfer}`);
    await expect(page.getByTestId('reverse-fee-refunded')).toContainText(`The application fee (${fee}) is already fully refunded`);
    await expect(page.getByTestId('reverse-refund-fee')).toHaveCount(0);

    await page.getByTestId('reverse-partial').check();
    await page.getByTestId('reverse-amount').fill('30');
    await page.getByTestId('reverse-description').fill('Changed behind the back');
    await page.getByTestId('reverse-review-open').click();
    await expect(page.getByTestId('review-sentence')).toHaveText(`Reverse $30.00 USD of transfer ${transfer}, taking it back from ${account}. $70.00 USD of it will be left.`);
    await page.getByTestId('review-tick').check();

    // Behind the operator's back, $20.00 USD of the transfer is reversed.
    await stripePost(`/v1/transfers/${transfer}/reversals`, { amount: '2000' });
    const captured = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByTestId('review-confirm').click();
    const request = await captured;
    await expect(page.getByTestId('review-changed')).toContainText('This transfer changed since you reviewed the reversal');
    await expect(page.getByTestId('review-sentence')).toHaveText(`Reverse $30.00 USD of transfer ${transfer}, taking it back from ${account}. $50.00 USD of it will be left.`);
    await page.getByTestId('review-tick').check();
    await page.getByTestId('review-confirm').click();
    await expect(page.getByTestId('reverse-done')).toContainText('Reversed $30.00 USD');
    await expect(page.getByTestId('transfer-remaining')).toHaveText('$50.00 USD');
    await expect(page.getByTestId('object-history').getByTestId('history-entry').first()).toContainText('Reversed a transfer');

    // The server refuses the fee refund too, before anything reaches Stripe.
    const actionId = request.headers()['next-action']!;
    const [args] = JSON.parse(request.postData() ?? '[]') as [Record<string, unknown>];
    const context = await browser.newContext({ storageState: storageStateFor('finance') });
    const response = await context.request.post(`/transfers/${transfer}`, {
      headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL! },
      data: JSON.stringify([{ ...args, full: false, amount: '5', refundApplicationFee: true, expectedReversed: 5000, idempotencyKey: `e2e-fee-refunded-${Date.now()}` }]),
    });
    expect(await response.text()).toContain(`The application fee ${fee} is already fully refunded`);
    await context.close();
    expect((await stripeGet<{ amount_reversed: number }>(`/v1/transfers/${transfer}`)).amount_reversed).toBe(5000);
    expect((await requestsTo('POST', `/v1/transfers/${transfer}/reversals`)).filter((r) => r.status === 200)).toHaveLength(2);
  });

  test('the top-up History panel shows a cancellation without a reload', async ({ page }) => {
    const topup = await stripePost<{ id: string; status: string }>('/v1/topups', { amount: '5000', currency: 'usd', description: 'History journey', source: 'btok_us_verified' });
    expect(topup.status).toBe('pending');
    await page.goto(`/topups/${topup.id}`);
    const history = page.getByTestId('object-history').getByTestId('history-entry');
    await expect(history).toHaveCount(0);
    await page.getByTestId('topup-cancel-open').click();
    await page.getByTestId('review-tick').check();
    await page.getByTestId('review-confirm').click();
    await expect(page.getByTestId('topup-status')).toHaveText('Cancelled');
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText('Cancelled a top-up');
    await expect(history.first()).toContainText('finance@demo.test');
  });
});
