// Four-eyes approvals, end to end. Finance asks for approval of a large reversal; the requester
// finds no approve control on their own request, and the server refuses the approval when they
// send it themselves (the real approve request, replayed with their session), and the audit log
// says so ("Refused to approve a request: The requester cannot approve their own request."); a second finance
// operator approves it: the emulator shows one reversal, and the audit log holds the request,
// the approval and the execution, linked. Ops deletes an account where the policy covers it (the
// demo runs on the emulator, which counts as test mode, so an admin first extends the
// live-mode-only deletion policy to test mode on the Policies page): it needs approval, and a
// decline leaves the account untouched. An admin turns the capability policy on; ops asks to remove
// a capability from the account page, an admin approves it, and the emulator shows one change, the
// audit log the request, the approval and the execution. Each operator signs in here (finance2 has
// no saved session); each journey restores the policy it changed.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshChargeWithFee, requestsTo, stripeGet, stripePost } from './support/money';
import { signIn } from './support/sign-in';

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('a large reversal runs only once a second finance operator approves it, once', async ({ browser }) => {
  test.setTimeout(90_000);
  const { transfer } = await freshChargeWithFee(200_000, 2_000);
  const path = `/v1/transfers/${transfer}/reversals`;
  const finance = await as(browser, 'finance@demo.test');
  await finance.goto(`/transfers/${transfer}`);
  await finance.getByTestId('reverse-partial').check();
  await finance.getByTestId('reverse-amount').fill('1500');
  await finance.getByTestId('reverse-description').fill('Chargeback on a large order');
  await finance.getByTestId('reverse-review-open').click();
  await expect(finance.getByTestId('approval-notice')).toContainText('$1,500.00 USD is at or above the $1,000.00 USD threshold');
  await expect(finance.getByTestId('review-confirm')).toHaveText('Request approval');
  await finance.getByTestId('review-tick').check();
  await finance.getByTestId('review-confirm').click();
  await expect(finance.getByTestId('reverse-done')).toContainText('Approval requested (apr_');
  const requestId = /(apr_[A-Za-z0-9]{16})/.exec((await finance.getByTestId('reverse-done').textContent()) ?? '')![1]!;
  expect(await requestsTo('POST', path)).toHaveLength(0);
  await expect(finance.getByTestId('object-approvals')).toContainText('Waiting for approval');

  // The requester's own request: no approve control, and why.
  await finance.goto(`/approvals/${requestId}`);
  await expect(finance.getByTestId('approval-summary')).toContainText(`Reverse $1,500.00 USD of transfer ${transfer}`);
  await expect(finance.getByTestId('approval-why-not')).toHaveText('You asked for this yourself: another operator must approve or decline it.');
  await expect(finance.getByTestId('approval-approve')).toHaveCount(0);
  await expect(finance.getByTestId('approval-cancel')).toBeVisible();

  // The second operator's approve request, held back, then sent by the requester themselves: refused.
  const approver = await as(browser, 'finance2@demo.test');
  await expect(approver.getByTestId('approvals-count')).toContainText('1');
  await approver.goto(`/approvals/${requestId}`);
  await expect(approver.getByTestId('approval-snapshot')).toContainText('Left to reverse');
  await approver.getByTestId('approval-note').fill('Checked the chargeback');
  let held: { url: string; headers: Record<string, string>; body: string } | null = null;
  await approver.route(`**/approvals/${requestId}`, async (route) => {
    if (route.request().method() !== 'POST' || held) return route.fallback();
    held = { url: route.request().url(), headers: route.request().headers(), body: route.request().postData() ?? '' };
    await route.abort();
  });
  await approver.getByTestId('approval-approve').click();
  await expect.poll(() => held !== null).toBe(true);
  const replay = held!;
  const { cookie: _theirs, ...headers } = replay.headers;
  const direct = await finance.request.post(replay.url, { headers, data: replay.body });
  expect(await direct.text()).toContain('You asked for this yourself');
  expect(await requestsTo('POST', path)).toHaveLength(0);
  await approver.unroute(`**/approvals/${requestId}`);

  // Approved for real: it runs once.
  await approver.reload();
  await approver.getByTestId('approval-note').fill('Checked the chargeback');
  await approver.getByTestId('approval-approve').click();
  await expect(approver.getByTestId('approval-status')).toHaveText('Done');
  await expect(approver.getByTestId('approval-decider')).toHaveText('finance2@demo.test');
  await expect(approver.getByTestId('approval-stripe-request')).toContainText('req_');
  const reversals = await stripeGet<{ data: Array<{ id: string; amount: number }> }>(`/v1/transfers/${transfer}/reversals`);
  expect(reversals.data).toHaveLength(1);
  expect(reversals.data[0]!.amount).toBe(150_000);
  expect((await requestsTo('POST', path)).filter((r) => !r.idempotent_replayed)).toHaveLength(1);
  await expect(approver.getByTestId('approval-result')).toHaveText(reversals.data[0]!.id);
  await expect(approver.getByTestId('approval-audit-links')).toContainText(/request #\d+, decision #\d+, execution #\d+/);

  // The audit log tells the story under the request's id: request, approval, execution.
  await finance.goto(`/audit?object=${requestId}`);
  // Newest first: the execution, the approval, the requester's own refused attempt, the request.
  await expect(finance.getByTestId('audit-action')).toHaveText([/Reversed a transfer/, /Approved a request/, /Refused to approve a request/, /Requested approval/]);
  // The refusal says what happened, in words, and is recorded as denied (nothing was tried).
  const refused = finance.getByRole('row').filter({ has: finance.getByTestId('audit-action').filter({ hasText: 'Refused to approve a request' }) });
  await expect(refused.getByTestId('audit-error')).toHaveText('The requester cannot approve their own request.');
  await expect(refused).toContainText('Denied');
  await expect(refused).toContainText('finance@demo.test');
  await finance.context().close();
  await approver.context().close();
});

test('an ops deletion the policy covers needs approval, and a decline leaves the account as it was', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await as(browser, 'admin@demo.test');
  await admin.goto('/approvals/policies');
  const policy = admin.getByTestId('policy-account_delete');
  await policy.getByTestId('policy-account_delete-mode').selectOption('both');
  await policy.getByTestId('policy-account_delete-save').click();
  await expect(policy.getByRole('status')).toHaveText('Saved.');
  try {
    const account = await stripePost<{ id: string }>('/v1/accounts', { type: 'custom', country: 'US', 'capabilities[transfers][requested]': 'true' });
    const ops = await as(browser, 'ops@demo.test');
    await ops.goto(`/accounts/${account.id}`);
    await ops.getByTestId('delete-open').click();
    await ops.getByTestId('delete-note').fill('Duplicate account opened by mistake');
    await ops.getByTestId('delete-confirmation').fill(account.id);
    await expect(ops.getByTestId('approval-notice')).toContainText('needs a second operator');
    await expect(ops.getByTestId('delete-submit')).toHaveText('Request approval');
    await ops.getByTestId('delete-submit').click();
    await expect(ops.getByTestId('delete-requested')).toContainText('Approval requested (apr_');
    const requestId = /(apr_[A-Za-z0-9]{16})/.exec((await ops.getByTestId('delete-requested').textContent()) ?? '')![1]!;
    expect(await requestsTo('DELETE', `/v1/accounts/${account.id}`)).toHaveLength(0);

    await admin.goto('/approvals');
    await expect(admin.getByTestId('approvals-to-decide').locator(`[data-request-id="${requestId}"]`)).toBeVisible();
    await admin.goto(`/approvals/${requestId}`);
    await admin.getByTestId('approval-note').fill('Keep it: the holder still uses it');
    await admin.getByTestId('approval-decline').click();
    await expect(admin.getByTestId('approval-status')).toHaveText('Declined');
    await expect(admin.getByTestId('approval-approve')).toHaveCount(0);
    expect(await requestsTo('DELETE', `/v1/accounts/${account.id}`)).toHaveLength(0);
    expect((await stripeGet<{ id: string; deleted?: boolean }>(`/v1/accounts/${account.id}`)).deleted).toBeUndefined();
    await ops.context().close();
  } finally {
    await admin.goto('/approvals/policies');
    await admin.getByTestId('policy-account_delete-mode').selectOption('live');
    await admin.getByTestId('policy-account_delete-save').click();
    await expect(admin.getByTestId('policy-account_delete').getByRole('status')).toHaveText('Saved.');
    await admin.context().close();
  }
});

test('a capability change the policy covers is requested by ops, approved by an admin and made once', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await as(browser, 'admin@demo.test');
  // Off by default (live mode when on): turned on for every mode here, restored at the end.
  await admin.goto('/approvals/policies');
  const policy = admin.getByTestId('policy-capability_change');
  await policy.getByTestId('policy-capability_change-enabled').check();
  await policy.getByTestId('policy-capability_change-mode').selectOption('both');
  await policy.getByTestId('policy-capability_change-save').click();
  await expect(policy.getByRole('status')).toHaveText('Saved.');
  try {
    const account = await stripePost<{ id: string }>('/v1/accounts', {
      type: 'custom',
      country: 'US',
      'capabilities[transfers][requested]': 'true',
      'capabilities[card_payments][requested]': 'true',
    });
    const path = `/v1/accounts/${account.id}/capabilities/card_payments`;
    const ops = await as(browser, 'ops@demo.test');
    await ops.goto(`/accounts/${account.id}`);
    const row = ops.getByTestId('capability-card_payments');
    await row.getByTestId('capability-card_payments-toggle').click();
    await expect(row.getByTestId('approval-notice')).toContainText("A capability change in test mode needs a second operator's approval.");
    await expect(row.getByTestId('capability-card_payments-confirm')).toHaveText('Request approval');
    // The request's note is required.
    await expect(row.getByTestId('capability-card_payments-confirm')).toBeDisabled();
    await row.getByTestId('capability-card_payments-note').fill('Holder asked to stop card payments, ticket 77');
    await row.getByTestId('capability-card_payments-confirm').click();
    await expect(ops.getByTestId('page-notice')).toContainText('Approval requested (apr_');
    const requestId = /(apr_[A-Za-z0-9]{16})/.exec((await ops.getByTestId('page-notice').textContent()) ?? '')![1]!;
    expect(await requestsTo('POST', path)).toHaveLength(0);
    await expect(ops.getByTestId('object-approvals')).toContainText('Waiting for approval');
    await expect(ops.getByTestId('object-approvals')).toContainText(`Remove the card_payments capability of account ${account.id}`);

    // A second operator finds it in the inbox and approves it: it runs once.
    await admin.goto('/approvals');
    await expect(admin.getByTestId('approvals-to-decide').locator(`[data-request-id="${requestId}"]`)).toBeVisible();
    await admin.goto(`/approvals/${requestId}`);
    await expect(admin.getByTestId('approval-snapshot')).toContainText('Capability card_payments');
    await admin.getByTestId('approval-note').fill('Confirmed with the holder');
    await admin.getByTestId('approval-approve').click();
    await expect(admin.getByTestId('approval-status')).toHaveText('Done');
    await expect(admin.getByTestId('approval-stripe-request')).toContainText('req_');
    await expect(admin.getByTestId('approval-audit-links')).toContainText(/request #\d+, decision #\d+, execution #\d+/);
    const capability = await stripeGet<{ id: string; requested: boolean }>(path);
    expect(capability.requested).toBe(false);
    expect((await requestsTo('POST', path)).filter((r) => !r.idempotent_replayed)).toHaveLength(1);

    // The requester sees it done, and the audit log tells the story: request, approval, execution.
    await ops.goto(`/approvals/${requestId}`);
    await expect(ops.getByTestId('approval-status')).toHaveText('Done');
    await ops.goto(`/audit?object=${requestId}`);
    await expect(ops.getByTestId('audit-action')).toHaveText([/Changed a capability/, /Approved a request/, /Requested approval/]);
    await ops.context().close();
  } finally {
    await admin.goto('/approvals/policies');
    const restore = admin.getByTestId('policy-capability_change');
    await restore.getByTestId('policy-capability_change-enabled').uncheck();
    await restore.getByTestId('policy-capability_change-mode').selectOption('live');
    await restore.getByTestId('policy-capability_change-save').click();
    await expect(restore.getByRole('status')).toHaveText('Saved.');
    await admin.context().close();
  }
});
