// The server re-checks everything the refund form checks: the refund action, called directly with
// the browser's own request (as captured from a real refund), refuses an amount above what is left,
// refuses a review made before the fee changed, and refuses a viewer outright; none reaches Stripe.
import { expect, test, type Request } from '@playwright/test';
import { freshChargeWithFee, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';

test('the refund action refuses too much, and refuses a viewer, on the server', async ({ browser, baseURL }) => {
  const { fee } = await freshChargeWithFee(4000, 1000);
  const support = await browser.newContext({ storageState: storageStateFor('support') });
  const page = await support.newPage();
  await page.goto(`/application-fees/${fee}`);
  await page.getByTestId('refund-partial').check();
  await page.getByTestId('refund-amount').fill('1.00');
  await page.getByTestId('refund-reason').fill('Small goodwill refund');
  await page.getByTestId('refund-review-open').click();
  await page.getByTestId('review-tick').check();
  const captured = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByTestId('review-confirm').click();
  const request = await captured;
  await expect(page.getByTestId('refund-done')).toContainText('Refunded $1.00 USD');
  const actionId = request.headers()['next-action'];
  const [args] = JSON.parse(request.postData() ?? '[]') as [Record<string, unknown>];
  expect(args.feeId).toBe(fee);

  const call = async (storageRole: 'support' | 'viewer', input: Record<string, unknown>) => {
    const context = await browser.newContext({ storageState: storageStateFor(storageRole) });
    const response = await context.request.post(`/application-fees/${fee}`, {
      headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL! },
      data: JSON.stringify([input]),
    });
    const text = await response.text();
    await context.close();
    return text;
  };

  const tooMuch = await call('support', { ...args, amount: '30.01', expectedRefunded: 100, idempotencyKey: `e2e-too-much-${Date.now()}` });
  expect(tooMuch).toContain('Only $9.00 USD of this fee is left to refund');
  // Reviewed before the first refund (nothing refunded then): the fee changed since, so it is refused.
  const stale = await call('support', { ...args, amount: '1.00', expectedRefunded: 0, idempotencyKey: `e2e-stale-${Date.now()}` });
  expect(stale).toContain('This fee changed since you reviewed the refund');
  const asViewer = await call('viewer', { ...args, idempotencyKey: `e2e-viewer-${Date.now()}` });
  expect(asViewer).toContain('Your role does not allow this.');

  expect((await requestsTo('POST', `/v1/application_fees/${fee}/refunds`)).filter((r) => r.status === 200)).toHaveLength(1);
  expect((await stripeGet<{ amount_refunded: number }>(`/v1/application_fees/${fee}`)).amount_refunded).toBe(100);
  await support.close();
});

test('a viewer sees no money action', async ({ browser }) => {
  const { fee, transfer } = await freshChargeWithFee(3000, 500);
  const context = await browser.newContext({ storageState: storageStateFor('viewer') });
  const page = await context.newPage();
  await page.goto(`/application-fees/${fee}`);
  await expect(page.getByTestId('fee-remaining')).toHaveText('$5.00 USD');
  await expect(page.getByTestId('refund-form')).toHaveCount(0);
  await page.goto(`/transfers/${transfer}`);
  await expect(page.getByTestId('transfer-remaining')).toHaveText('$30.00 USD');
  await expect(page.getByTestId('reverse-form')).toHaveCount(0);
  await page.goto('/topups');
  await expect(page.getByTestId('topups-table')).toBeVisible();
  await expect(page.getByTestId('topup-form')).toHaveCount(0);
  await page.getByTestId('topup-link').first().click();
  await page.waitForURL(/\/topups\/tu_/);
  await expect(page.getByTestId('topup-amount-shown')).toBeVisible();
  await expect(page.getByTestId('topup-cancel-open')).toHaveCount(0);
  await context.close();
});
