// Support reads accounts but may not reject or delete them: no such controls on the page, and the
// server refuses the actions when they are called directly, before any Stripe call.
import { expect, test } from '@playwright/test';
import { REFUSAL_MESSAGES } from '../lib/auth/access';
import { requestsTo, serverActionId } from './support/accounts';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('support') });

// An enabled account: the ops journey only acts on past-due ones.
const ACCOUNT = 'acct_1I7bSUpNJjhGgTum';

test('support sees the account but no reject or delete control', async ({ page }) => {
  await page.goto(`/accounts/${ACCOUNT}`);
  await expect(page.getByTestId('account-id')).toHaveText(ACCOUNT);
  await expect(page.getByTestId('section-requirements')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('reject-open')).toHaveCount(0);
  await expect(page.getByTestId('delete-open')).toHaveCount(0);
  await expect(page.getByTestId('account-actions')).toHaveCount(0);
});

for (const [exportName, input] of [
  ['rejectAccountAction', { accountId: ACCOUNT, reason: 'fraud_other', note: 'Trying without the permission', confirmation: ACCOUNT }],
  ['deleteAccountAction', { accountId: ACCOUNT, note: 'Trying without the permission', confirmation: ACCOUNT }],
] as const) {
  test(`the server refuses ${exportName} called directly`, async ({ page }) => {
    await page.goto(`/accounts/${ACCOUNT}`);
    const response = await page.request.post(`/accounts/${ACCOUNT}`, {
      headers: { 'Next-Action': serverActionId('lib/accounts/actions.ts', exportName), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ ...input, idempotencyKey: crypto.randomUUID() }]),
    });
    const body = await response.text();
    expect(body).toContain(REFUSAL_MESSAGES.forbidden);
    expect(await requestsTo('POST', `/v1/accounts/${ACCOUNT}/reject`)).toHaveLength(0);
    expect(await requestsTo('DELETE', `/v1/accounts/${ACCOUNT}`)).toHaveLength(0);
  });
}
