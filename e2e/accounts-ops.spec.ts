// Ops reviews a suspicious account: filters the list to past-due accounts, opens one, reads its
// requirements, capabilities and persons, rejects it for fraud (the page, the emulator and the
// audit log agree; a double click reaches Stripe once), unrejects it, and deletes a test account.
// Serial: the steps share one account. No emulator reset: the e2e run starts its own emulator
// from the seed, and a reset here would wipe objects other journeys are using in parallel.
import { expect, test } from '@playwright/test';
import { emulatorApi, requestsTo, type EmulatorAccount } from './support/accounts';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('ops') });
test.describe.configure({ mode: 'serial' });

let accountId = '';

test('filter to past-due accounts, open one, read its requirements, capabilities and persons', async ({ page }) => {
  await page.goto('/accounts');
  await page.getByTestId('tab-restricted').click();
  await expect(page).toHaveURL(/tab=restricted/);
  await page.getByTestId('filter-past-due').selectOption('1');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/tab=restricted.*past_due=1|past_due=1.*tab=restricted/);
  await expect(page.getByTestId('list-summary')).toContainText(/\d+ accounts? in Restricted matching these filters/);
  const rows = page.getByTestId('accounts-table').getByTestId('data-row');
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.getByTestId('account-status').allInnerTexts()) expect(status).toBe('Restricted: past due');

  // An Express company with persons: the platform may reject it.
  const candidates = await rows.filter({ hasText: 'Express' }).getByTestId('account-link').allInnerTexts();
  for (const id of candidates) {
    const persons = await emulatorApi<{ data: unknown[] }>('GET', `/v1/accounts/${id}/persons`);
    if (persons.body.data.length > 0) {
      accountId = id;
      break;
    }
  }
  expect(accountId, 'a past-due Express account with persons on the first page').not.toBe('');
  await rows.filter({ hasText: accountId }).getByTestId('account-link').click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}$`));

  await expect(page.getByTestId('account-id')).toHaveText(accountId);
  await expect(page.getByTestId('account-status')).toHaveText('Restricted: past due');
  const requirements = page.getByTestId('section-requirements');
  await expect(requirements).toHaveAttribute('data-state', 'ready');
  await expect(requirements.getByTestId('disabled-reason')).toContainText('required information is past due');
  await expect(requirements.getByTestId('req-past-due')).toBeVisible();
  await expect(page.getByTestId('section-capabilities').getByTestId('capability-card_payments')).toBeVisible();
  const persons = page.getByTestId('section-persons').getByTestId('person-row');
  await expect(persons.first()).toBeVisible();
  await persons.first().getByTestId('person-open').click();
  await expect(page.getByTestId('person-drawer')).toContainText('Relationship');
  await page.keyboard.press('Escape');
  // The emulator's accounts exist nowhere in Stripe: no dead "Open in Stripe Dashboard" link.
  await expect(page.getByTestId('account-name')).toBeVisible();
  await expect(page.getByTestId('dashboard-link')).toHaveCount(0);
});

test('reject it for fraud: a wrong confirmation keeps the button disabled; a double click reaches Stripe once', async ({ page }) => {
  await page.goto(`/accounts/${accountId}`);
  await page.getByTestId('reject-open').click();
  const submit = page.getByTestId('reject-submit');
  await page.getByTestId('reject-reason').selectOption('fraud_payment_method_tester');
  await page.getByTestId('reject-note').fill('Card testing: 40 declined cards in an hour');
  await page.getByTestId('reject-confirmation').fill(`${accountId}x`);
  await expect(submit).toBeDisabled();
  await page.getByTestId('reject-confirmation').fill(accountId.toLowerCase());
  await expect(submit).toBeDisabled();
  await page.getByTestId('reject-confirmation').fill(accountId);
  await expect(submit).toBeEnabled();
  await submit.dblclick();

  await expect(page.getByTestId('page-notice')).toContainText('Rejected by your platform for fraud');
  await expect(page.getByTestId('page-notice')).toContainText(/req_/);
  await expect(page.getByTestId('account-status')).toHaveText('Rejected');
  await expect(page.getByTestId('header-disabled-reason')).toHaveText('Rejected by your platform for fraud');
  await expect(page.getByTestId('reject-open')).toHaveCount(0);

  const account = await emulatorApi<EmulatorAccount>('GET', `/v1/accounts/${accountId}`);
  expect(account.body.requirements.disabled_reason).toBe('rejected.platform_fraud');
  const rejects = await requestsTo('POST', `/v1/accounts/${accountId}/reject`);
  expect(rejects.filter((r) => !r.idempotent_replayed)).toHaveLength(1);
  expect(rejects[0].idempotency_key).toBeTruthy();

  // The audit log: on the page, and on the Audit page.
  await expect(page.getByTestId('object-history').getByTestId('history-entry').first()).toContainText('Rejected an account');
  await page.goto(`/audit?object=${accountId}&action=account.reject`);
  const entries = page.getByTestId('audit-table').getByTestId('data-row');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Succeeded');
  await expect(entries.first()).toContainText('fraud_payment_method_tester');
});

test('unreject it', async ({ page }) => {
  await page.goto(`/accounts/${accountId}`);
  await page.getByTestId('unreject-open').click();
  await page.getByTestId('unreject-note').fill('Reviewed with the risk team: false positive');
  await page.getByTestId('unreject-submit').click();
  await expect(page.getByTestId('page-notice')).toContainText('Unrejected');
  await expect(page.getByTestId('account-status')).toHaveText('Restricted: past due');
  // One name for the action: the button says Unreject, and so do the history and the audit log.
  await expect(page.getByTestId('object-history').getByTestId('history-entry').first()).toContainText('Unrejected an account');
  await page.goto(`/audit?object=${accountId}&action=account.unreject`);
  await expect(page.getByTestId('audit-table')).toContainText('Unrejected an account');
  await expect(page.getByTestId('audit-table')).not.toContainText('Restored');
  const account = await emulatorApi<EmulatorAccount>('GET', `/v1/accounts/${accountId}`);
  expect(account.body.requirements.disabled_reason).toBe('requirements.past_due');
});

test('delete a test account: a wrong confirmation keeps the button disabled; gone from the list', async ({ page }) => {
  const created = await emulatorApi<{ id: string }>('POST', '/v1/accounts', { type: 'custom', country: 'US', email: 'delete-me@example.test', 'capabilities[transfers][requested]': 'true' });
  expect(created.status).toBe(200);
  const id = created.body.id;
  await page.goto('/accounts');
  await expect(page.getByTestId('accounts-table').getByText(id)).toBeVisible();

  await page.goto(`/accounts/${id}`);
  await page.getByTestId('delete-open').click();
  await page.getByTestId('delete-note').fill('Made by a test; never used');
  await page.getByTestId('delete-confirmation').fill('acct_somethingElse');
  await expect(page.getByTestId('delete-submit')).toBeDisabled();
  await page.getByTestId('delete-confirmation').fill(id);
  await page.getByTestId('delete-submit').dblclick();

  await expect(page).toHaveURL(new RegExp(`/accounts\\?deleted=${id}`));
  await expect(page.getByTestId('deleted-notice')).toContainText(id);
  await expect(page.getByTestId('accounts-table').getByTestId('data-row').first()).toBeVisible();
  await expect(page.getByTestId('accounts-table').getByText(id)).toHaveCount(0);
  expect((await emulatorApi('GET', `/v1/accounts/${id}`)).status).toBe(404);
  expect(await requestsTo('DELETE', `/v1/accounts/${id}`)).toHaveLength(1);

  // Its page now says who deleted it and when (from the audit log), not "No such account".
  await page.goto(`/accounts/${id}`);
  const deleted = page.getByTestId('account-deleted');
  await expect(deleted).toContainText(`Account ${id} was deleted`);
  await expect(deleted).toContainText('Deleted through the console by ops@demo.test on');
  await expect(deleted).toContainText(new RegExp(`on ${new Date().toISOString().slice(0, 10)} \\d{2}:\\d{2} UTC`));
  await expect(page.getByText('No such account')).toHaveCount(0);
  await page.getByTestId('account-deleted-audit').click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?object=${id}&action=account.delete&outcome=succeeded`));
  await expect(page.getByTestId('audit-table')).toContainText('Deleted an account');
  // The count agrees with its noun: one entry, not "1 entries".
  await expect(page.getByText('1 entry on this page')).toBeVisible();
});

test('an account never deleted through the console still says "No such account"', async ({ page }) => {
  await page.goto('/accounts/acct_NeverExisted0000');
  await expect(page.getByTestId('account-error')).toContainText('No such account');
  await expect(page.getByTestId('account-deleted')).toHaveCount(0);
});

test('an id typed in the search box opens the account; the export follows the filters', async ({ page }) => {
  await page.goto('/accounts');
  await page.getByTestId('account-search').fill(accountId);
  await page.getByTestId('account-search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}$`));
  const csv = await page.request.get('/api/accounts/export?past_due=1&type=express');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,name,email,type,country,status/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(',express,'))).toBe(true);
});
