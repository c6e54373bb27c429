// A risk case from signal to decision. The test plays Stripe: it makes charges with Radar's test
// cards on accounts of its own through the emulator's API, and the console learns of them by
// webhook, scores the account and opens its case. As ops: read the evidence, claim, add a note and
// reject the account from the case (the emulator shows it rejected, the case is decided, the audit
// log has both); clear another case with a note, then a new early fraud warning reopens it. As
// support: the case reads, no decision control is shown, and a decision sent directly is refused.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { REFUSAL_MESSAGES } from '../lib/auth/access';
import { SAMPLE_RISK_ACCOUNT_ID } from '../tests/fixtures/routes';
import type { CaseView } from '../lib/risk/case-view';
import { emulatorApi, serverActionId } from './support/accounts';
import { stripeGet, stripePost } from './support/money';
import { storageStateFor } from './support/roles';

type Account = { id: string; type: string; country: string; capabilities?: Record<string, string>; requirements?: { disabled_reason: string | null } };

/** Accounts of the demo seed no other journey uses: custom, US, able to receive transfers, not disabled (from the end of the list). */
async function spareAccounts(): Promise<string[]> {
  const all: Account[] = [];
  for (let after: string | undefined; ; ) {
    const page = await stripeGet<{ data: Account[]; has_more: boolean }>(`/v1/accounts?limit=100${after ? `&starting_after=${after}` : ''}`);
    all.push(...page.data);
    if (!page.has_more) break;
    after = page.data.at(-1)!.id;
  }
  return all
    .filter((a) => a.type === 'custom' && a.country === 'US' && a.capabilities?.transfers === 'active' && !a.requirements?.disabled_reason && a.id !== SAMPLE_RISK_ACCOUNT_ID)
    .map((a) => a.id)
    .reverse();
}

/** A destination charge to the account on one of Radar's test cards, as a customer's payment would be. */
async function chargeOn(account: string, source: 'tok_riskLevelHighest' | 'tok_riskLevelElevated' | 'tok_createIssuerFraudRecord'): Promise<string> {
  const charge = await stripePost<{ id: string }>('/v1/charges', { amount: '4200', currency: 'usd', source, 'transfer_data[destination]': account });
  return charge.id;
}

/** The account's case as the console holds it, once `ready` says it has arrived (by webhook). */
async function caseWhen(request: APIRequestContext, account: string, ready: (v: CaseView) => boolean): Promise<CaseView> {
  let view: CaseView | null = null;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/risk/cases/${account}`);
        view = res.ok() ? ((await res.json()) as CaseView) : null;
        return view !== null && ready(view);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return view!;
}

async function openCase(page: Page, account: string) {
  await page.goto(`/risk/accounts/${account}`);
  await expect(page.getByTestId('case-header')).toContainText(account);
}

// One journey at a time: the first takes the queue's top case by its newest signal, which the
// others' signals would otherwise race with.
test.describe.configure({ mode: 'serial' });

let accounts: string[] = [];
test.beforeAll(async () => {
  accounts = await spareAccounts();
  expect(accounts.length).toBeGreaterThanOrEqual(3);
});

test.describe('as ops', () => {
  test.use({ storageState: storageStateFor('ops') });

  test('reads the evidence, notes, and rejects the account from the case', async ({ page }) => {
    const account = accounts[0]!;
    const risky = await chargeOn(account, 'tok_riskLevelHighest');
    const warned = await chargeOn(account, 'tok_createIssuerFraudRecord');
    const opened = await caseWhen(page.request, account, (v) => v.current?.status === 'open' && (v.risk?.signals.earlyFraudWarnings.total ?? 0) > 0);

    // The queue, newest signal first: this account's case is on top (the queue refetches every few seconds).
    await page.goto('/risk?sort=newest_signal');
    const top = page.getByTestId('queue-account').first();
    await expect(top).toHaveAttribute('href', `/risk/accounts/${account}`, { timeout: 15_000 });
    await top.click();
    await expect(page.getByTestId('case-header')).toContainText(account);
    // The evidence on one screen: the signals in words, both charges, the warning.
    await expect(page.getByTestId('case-reasons')).toContainText('early fraud warning');
    await expect(page.getByTestId('case-reasons')).toContainText('rated risky by Radar');
    await expect(page.getByTestId('evidence-charge').filter({ hasText: risky })).toContainText('highest');
    await expect(page.getByTestId('evidence-charge').filter({ hasText: warned })).toContainText('early fraud warning');
    await expect(page.getByTestId('evidence-warning')).toContainText('stolen card');
    await expect(page.getByTestId('case-status')).toHaveText('Open');

    await page.getByTestId('case-claim').click();
    await expect(page.getByTestId('case-assignee-name')).toHaveText('Assigned to you');
    await expect(page.getByTestId('case-status')).toHaveText('In progress');

    await page.getByTestId('case-note-body').fill('Two risky charges within minutes, one reported as stolen card.');
    await page.getByTestId('case-note-submit').click();
    await expect(page.getByTestId('case-note')).toContainText('reported as stolen card');
    await expect(page.getByTestId('case-note-body')).toHaveValue('');

    await page.getByTestId('reject-open').click();
    await page.getByTestId('reject-reason').selectOption('fraud_other');
    await page.getByTestId('reject-note').fill('Stolen cards used on this account; see the case.');
    await page.getByTestId('reject-confirmation').fill(account);
    await page.getByTestId('reject-submit').click();
    await expect(page.getByTestId('case-notice')).toContainText('Rejected');
    await expect(page.getByTestId('case-status')).toHaveText('Decided');
    await expect(page.getByTestId('case-decision')).toHaveText('Account rejected');
    await expect(page.getByTestId('case-decisions')).toHaveCount(0);

    // Stripe holds the rejection; the audit log holds both the note and the rejection.
    expect((await emulatorApi<Account>('GET', `/v1/accounts/${account}`)).body.requirements?.disabled_reason).toBe('rejected.platform_fraud');
    const notes = await (await page.request.get('/api/audit/export?action=risk_case.note')).text();
    expect(notes).toContain(opened.current!.id);
    const rejections = await (await page.request.get('/api/audit/export?action=account.reject')).text();
    expect(rejections.split('\r\n').find((line) => line.includes(account))).toContain('succeeded');
  });

  test('clears a case with a note; a new early fraud warning reopens it', async ({ page }) => {
    const account = accounts[1]!;
    await chargeOn(account, 'tok_riskLevelHighest');
    const first = await caseWhen(page.request, account, (v) => v.current?.status === 'open');

    await openCase(page, account);
    await page.getByTestId('case-clear-open').click();
    await page.getByTestId('case-clear-note').fill('One risky charge, refunded by the merchant; nothing else.');
    await page.getByTestId('case-clear-submit').click();
    await expect(page.getByTestId('case-notice')).toContainText('Cleared');
    await expect(page.getByTestId('case-decision')).toHaveText('Cleared');
    await expect(page.getByTestId('case-note')).toContainText('refunded by the merchant');

    // Stripe's issuer reports fraud on a new charge: the console reopens the account by itself.
    await chargeOn(account, 'tok_createIssuerFraudRecord');
    const reopened = await caseWhen(page.request, account, (v) => v.current !== null && v.current.id !== first.current!.id);
    expect(reopened.current).toMatchObject({ status: 'open', reopenedFrom: first.current!.id });
    await page.reload();
    await expect(page.getByTestId('case-status')).toHaveText('Open');
    await expect(page.getByTestId('case-earlier')).toContainText('Cleared');
    await expect(page.getByTestId('case-earlier-notes')).toContainText('refunded by the merchant');
    await expect(page.getByTestId('evidence-warning')).toHaveCount(1);
  });
});

test.describe('as support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('reads the case, sees no decision control, and the server refuses a decision sent directly', async ({ page }) => {
    const account = accounts[2]!;
    await chargeOn(account, 'tok_riskLevelHighest');
    const before = await caseWhen(page.request, account, (v) => v.current?.status === 'open');

    await openCase(page, account);
    await expect(page.getByTestId('case-reasons')).toContainText('rated risky by Radar');
    await expect(page.getByTestId('evidence-charge')).not.toHaveCount(0);
    await expect(page.getByTestId('case-decisions')).toHaveCount(0);
    await expect(page.getByTestId('case-note-body')).toHaveCount(0);
    await expect(page.getByTestId('reject-open')).toHaveCount(0);

    for (const [exportName, input] of [
      ['clearCaseAction', { caseId: before.current!.id, note: 'Trying without the permission' }],
      ['rejectAccountFromCaseAction', { caseId: before.current!.id, accountId: account, reason: 'fraud_other', note: 'Trying without the permission', confirmation: account }],
    ] as const) {
      const response = await page.request.post(`/risk/accounts/${account}`, {
        headers: { 'Next-Action': serverActionId('lib/risk/actions.ts', exportName), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
        data: JSON.stringify([{ ...input, idempotencyKey: crypto.randomUUID() }]),
      });
      expect(await response.text(), exportName).toContain(REFUSAL_MESSAGES.forbidden);
    }
    const after = await caseWhen(page.request, account, () => true);
    expect(after.current).toEqual(before.current);
    expect((await stripeGet<Account>(`/v1/accounts/${account}`)).requirements?.disabled_reason).toBeNull();
  });
});
