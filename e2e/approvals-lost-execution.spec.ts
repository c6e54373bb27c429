// Never guess an outcome, after a four-eyes approval. Finance asks for a large reversal; a second
// finance operator approves it, and the console runs it, but the emulator loses every answer to the
// reversal and the transfer cannot be read for a while, so the execution's outcome is unknown: the
// request's page says so in words (never "failed") and offers only the same request again. When the
// transfer can be read again the console finds the reversal by the request's key, and the page
// shows the request done, with the reversal it made; the emulator holds exactly one reversal.
//
// A crash between the claim and the record of the execution (the request left "Approved, running")
// is settled by the reconciler's sweep only once the claim is older than an execution can take (20
// minutes): tests/integration/approvals-crash.test.ts covers it with the pass's clock; the running
// app has no hook to move that clock, so no browser journey does.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addFault, freshChargeWithFee, removeFault, requestsTo, stripeGet } from './support/money';
import { storageStateFor } from './support/roles';
import { shootLightAndPhoneDark } from './support/screens';

async function as(browser: Browser, session: 'finance' | 'finance2'): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateFor(session) })).newPage();
}

test('an approved reversal whose answers were lost shows its outcome as unknown, then done, made once', async ({ browser }) => {
  test.setTimeout(150_000);
  const { transfer } = await freshChargeWithFee(200_000, 2_000);
  const post = `/v1/transfers/${transfer}/reversals`;
  const finance = await as(browser, 'finance');
  await finance.goto(`/transfers/${transfer}`);
  await finance.getByTestId('reverse-partial').check();
  await finance.getByTestId('reverse-amount').fill('1500');
  await finance.getByTestId('reverse-description').fill('Chargeback, answer lost');
  await finance.getByTestId('reverse-review-open').click();
  await expect(finance.getByTestId('review-confirm')).toHaveText('Request approval');
  await finance.getByTestId('review-tick').check();
  await finance.getByTestId('review-confirm').click();
  await expect(finance.getByTestId('reverse-done')).toContainText('Approval requested (apr_');
  const requestId = /(apr_[A-Za-z0-9]{16})/.exec((await finance.getByTestId('reverse-done').textContent()) ?? '')![1]!;

  const approver = await as(browser, 'finance2');
  await approver.goto(`/approvals/${requestId}`);
  await approver.getByTestId('approval-note').fill('Checked the chargeback');
  const faults: string[] = [];
  try {
    // The reversal is slow and every answer to it is lost (it is made all the same).
    faults.push(await addFault({ lost_response: { path: post, count: null } }));
    faults.push(await addFault({ latency: { path: post, method: 'POST', ms: 1500, count: 1 } }));
    const readsBefore = (await requestsTo('GET', post)).length;
    await approver.getByTestId('approval-approve').click();
    // Once the execution has looked for an earlier reversal (before it makes one), the transfer cannot be read.
    await expect.poll(async () => (await requestsTo('GET', post)).length, { timeout: 15_000 }).toBeGreaterThan(readsBefore);
    faults.push(await addFault({ error: { path: `/v1/transfers/${transfer}*`, method: 'GET', status: 503, count: null } }));

    await expect(approver.getByTestId('approval-status')).toHaveText('Outcome unknown', { timeout: 60_000 });
    const words = approver.getByTestId('approval-execution-error');
    await expect(words).toContainText('the reversal may or may not have been made');
    // An open outcome, not an alarm.
    await expect(words).toHaveAttribute('role', 'status');
    await expect(approver.getByTestId('approval-request')).not.toContainText(/fail/i);
    // The only send offered is the same request again (its key finds the reversal, if made).
    await expect(approver.getByTestId('approval-retry')).toHaveText('Send the same request again');
    await expect(approver.getByTestId('approval-approve')).toHaveCount(0);
    await shootLightAndPhoneDark(approver, 'journey-screens', 'approval-execution-unknown');

    // The requester's view says the same, with nothing to send.
    await finance.goto(`/approvals/${requestId}`);
    await expect(finance.getByTestId('approval-status')).toHaveText('Outcome unknown');
    await expect(finance.getByTestId('approval-retry')).toHaveCount(0);

    // The transfer can be read again: the page finds out and shows the truth, by itself.
    for (const id of faults.splice(0)) await removeFault(id);
    // (After a short grace in which the execution's entry is still its own process's to record.)
    await expect(approver.getByTestId('approval-status')).toHaveText('Done', { timeout: 45_000 });
    await expect(approver.getByTestId('approval-execution-error')).toHaveCount(0);
    await expect(approver.getByTestId('approval-retry')).toHaveCount(0);
  } finally {
    for (const id of faults) await removeFault(id);
  }

  const reversals = await stripeGet<{ data: Array<{ id: string; amount: number; metadata: Record<string, string> }> }>(`${post}?limit=100`);
  expect(reversals.data).toHaveLength(1);
  expect(reversals.data[0]!.amount).toBe(150_000);
  await expect(approver.getByTestId('approval-result')).toHaveText(reversals.data[0]!.id);
  const posts = await requestsTo('POST', post);
  expect(posts.filter((r) => !r.idempotent_replayed)).toHaveLength(1);
  expect(new Set(posts.map((r) => r.idempotency_key)).size).toBe(1);
  await expect(finance.getByTestId('approval-status')).toHaveText('Done', { timeout: 30_000 });
  await finance.context().close();
  await approver.context().close();
});
