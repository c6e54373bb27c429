// The accounts list from the console's index: ops opens the Restricted tab, narrows it to US
// accounts with a past-due requirement, searches a name fragment, and every tab's count matches
// what the emulator's own API holds (each account's tab derived by the index's own function);
// an account rejected elsewhere (the test plays "another tab" through the emulator's API) shows
// up under Rejected within seconds, without a reload. The narrowed view is saved for the team and
// opened again from the Views menu.
import { expect, test, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { accountColumns } from '../lib/index/account-row';
import { LIST_TABS, type ListTab } from '../lib/accounts/filters';
import { emulatorApi } from './support/accounts';
import { listEmulatorAccounts } from './support/emulator';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('ops') });

type Narrowing = { country?: string; pastDue?: boolean; search?: string };

/** Each tab's count over the emulator's accounts under the narrowing, derived as the index derives it. */
async function expectedCounts(n: Narrowing): Promise<Record<ListTab, number>> {
  const counts = Object.fromEntries(LIST_TABS.map((t) => [t, 0])) as Record<ListTab, number>;
  for (const account of await listEmulatorAccounts<Stripe.Account>()) {
    const c = accountColumns(account);
    if (n.country && c.country !== n.country) continue;
    if (n.pastDue && c.pastDueCount === 0) continue;
    if (n.search && !c.searchText.includes(n.search.toLowerCase())) continue;
    counts[c.status] += 1;
    counts.all += 1;
  }
  return counts;
}

async function shownCounts(page: Page): Promise<Record<ListTab, number>> {
  const entries = await Promise.all(
    LIST_TABS.map(async (tab) => [tab, Number((await page.getByTestId(`tab-${tab}`).getByTestId('tab-count').innerText()).replace(/[^\d]/g, ''))] as const),
  );
  return Object.fromEntries(entries) as Record<ListTab, number>;
}

/** Polls until the page's counts equal the emulator's, both read afresh each time (other journeys change accounts meanwhile). */
async function expectCountsToMatch(page: Page, n: Narrowing): Promise<Record<ListTab, number>> {
  let expected: Record<ListTab, number> = await expectedCounts(n);
  await expect
    .poll(
      async () => {
        const shown = await shownCounts(page);
        expected = await expectedCounts(n);
        return JSON.stringify(shown) === JSON.stringify(expected) ? 'match' : `shown ${JSON.stringify(shown)}, emulator ${JSON.stringify(expected)}`;
      },
      { timeout: 15_000 },
    )
    .toBe('match');
  return expected;
}

test('Restricted, US, past due, a name fragment: the counts match the emulator', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page.getByTestId('freshness-line')).toContainText(/Index updated \d+ (s|min) ago/);
  await expectCountsToMatch(page, {});

  await page.getByTestId('tab-restricted').click();
  await expect(page).toHaveURL(/tab=restricted/);
  await expect(page.getByTestId('tab-restricted')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('filter-country').selectOption('US');
  await page.getByTestId('filter-past-due').selectOption('1');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/country=US/);
  await expect(page).toHaveURL(/past_due=1/);
  await expect(page).toHaveURL(/tab=restricted/);
  await expectCountsToMatch(page, { country: 'US', pastDue: true });

  // A fragment of the first row's business name, typed: the list narrows as the operator types.
  const rows = page.getByTestId('accounts-table').getByTestId('data-row');
  await expect(rows.first()).toBeVisible();
  const firstId = await rows.first().getByTestId('account-link').innerText();
  const first = (await emulatorApi<Stripe.Account>('GET', `/v1/accounts/${firstId}`)).body;
  const name = accountColumns(first).businessName || accountColumns(first).email;
  const fragment = name.slice(1, 5);
  await page.getByTestId('account-search').pressSequentially(fragment, { delay: 40 });
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(fragment).replace(/%20/g, '\\+')}`));
  const expected = await expectCountsToMatch(page, { country: 'US', pastDue: true, search: fragment });
  expect(expected.restricted).toBeGreaterThan(0);
  await expect(rows).toHaveCount(Math.min(expected.restricted, 25));
  await expect(rows.filter({ hasText: firstId })).toHaveCount(1);
  for (const status of await rows.getByTestId('account-status').allInnerTexts()) expect(status).toBe('Restricted: past due');

  // Save the view for the team; from a bare list, the saved view brings back the same filters and counts.
  const viewName = `US past due ${fragment} ${Date.now().toString(36)}`;
  await page.getByTestId('views-open').click();
  await page.getByTestId('view-name').fill(viewName);
  await page.getByTestId('view-shared').check();
  await page.getByTestId('view-save').click();
  await expect(page.getByTestId('view-message')).toHaveText(`Saved “${viewName}”.`);
  const saved = page.getByTestId('saved-view').filter({ hasText: viewName });
  await expect(saved).toContainText('(team, yours)');
  await page.goto('/accounts');
  await page.getByTestId('views-open').click();
  await saved.getByTestId('saved-view-open').click();
  await expect(page).toHaveURL(/tab=restricted/);
  await expect(page).toHaveURL(/country=US/);
  await expect(page).toHaveURL(/past_due=1/);
  await expect(page.getByTestId('account-search')).toHaveValue(fragment);
  await expectCountsToMatch(page, { country: 'US', pastDue: true, search: fragment });
  // The audit log has it.
  const audit = await page.request.get(`/api/audit/export?action=saved_view.create`);
  expect(await audit.text()).toContain(viewName);

  // A row opens the account's page (live from Stripe).
  await rows.filter({ hasText: firstId }).getByTestId('account-link').click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${firstId}$`));
  await expect(page.getByTestId('account-id')).toHaveText(firstId);
});

test('sorting by a column asks the server; the pager walks the whole tab', async ({ page }) => {
  await page.goto('/accounts?limit=10');
  await page.getByTestId('sort-country').click();
  await expect(page).toHaveURL(/sort=country/);
  const rows = page.getByTestId('accounts-table').getByTestId('data-row');
  await expect(rows).toHaveCount(10);
  const all = await listEmulatorAccounts<Stripe.Account>();
  const highest = [...all.map((a) => a.country ?? '~')].sort().at(-1);
  // Descending first: the first row holds the highest country of all accounts, not of one page.
  await expect(rows.first()).toContainText(highest!);
  const firstPage = await rows.getByTestId('account-link').allInnerTexts();
  await page.getByTestId('page-next').click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows.first().getByTestId('account-link')).not.toHaveText(firstPage[0]);
  const second = await rows.getByTestId('account-link').allInnerTexts();
  expect(second.filter((id) => firstPage.includes(id))).toEqual([]);
  await page.getByTestId('page-prev').click();
  await expect(rows.first().getByTestId('account-link')).toHaveText(firstPage[0]);
});

test('an account rejected in another tab shows up under Rejected within seconds, without a reload', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const created = await emulatorApi<{ id: string }>('POST', '/v1/accounts', {
    type: 'custom',
    country: 'US',
    email: `another-tab-${stamp}@example.test`,
    'business_profile[name]': `Another Tab ${stamp}`,
    'capabilities[transfers][requested]': 'true',
  });
  expect(created.status).toBe(200);
  const id = created.body.id;

  await page.goto('/accounts');
  await page.getByTestId('tab-rejected').click();
  await expect(page).toHaveURL(/tab=rejected/);
  const rejectedBefore = Number((await page.getByTestId('tab-rejected').getByTestId('tab-count').innerText()).replace(/[^\d]/g, ''));
  await expect(page.getByTestId('accounts-table').getByText(id)).toHaveCount(0);
  // The page must not reload: a marker on the window survives only a client-side update.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const rejected = await emulatorApi<{ id: string }>('POST', `/v1/accounts/${id}/reject`, { reason: 'fraud_payment_method_tester' });
  expect(rejected.status).toBe(200);

  await expect(page.getByTestId('accounts-table').getByText(id)).toBeVisible({ timeout: 12_000 });
  await expect(page.getByTestId('tab-rejected').getByTestId('tab-count')).toHaveText(String(rejectedBefore + 1));
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('the CSV export streams the whole filtered set', async ({ page }) => {
  const expected = await expectedCounts({ country: 'US' });
  const csv = await page.request.get('/api/accounts/export?country=US&tab=restricted');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,name,email,type,country,status/);
  // Other journeys change accounts as this runs: the count may move by a few, never by a page's worth.
  expect(Math.abs(lines.length - 1 - expected.restricted)).toBeLessThanOrEqual(3);
  expect(lines.slice(1).every((l) => l.includes(',US,'))).toBe(true);
});

test('a view saved by one operator for the team is offered to another, who cannot delete it; its owner can', async ({ browser }) => {
  const name = `Team rejected ${Date.now().toString(36)}`;
  const ops = await browser.newPage({ storageState: storageStateFor('ops') });
  await ops.goto('/accounts?tab=rejected');
  await ops.getByTestId('views-open').click();
  await ops.getByTestId('view-name').fill(name);
  await ops.getByTestId('view-shared').check();
  await ops.getByTestId('view-save').click();
  await expect(ops.getByTestId('view-message')).toHaveText(`Saved “${name}”.`);

  const viewer = await browser.newPage({ storageState: storageStateFor('viewer') });
  await viewer.goto('/accounts');
  await viewer.getByTestId('views-open').click();
  const offered = viewer.getByTestId('saved-view').filter({ hasText: name });
  await expect(offered).toContainText('(team, by');
  await expect(offered.getByTestId('saved-view-delete')).toHaveCount(0);

  const mine = ops.getByTestId('saved-view').filter({ hasText: name });
  await mine.getByTestId('saved-view-delete').click();
  await expect(ops.getByTestId('view-message')).toHaveText(`Deleted “${name}”.`);
  await expect(mine).toHaveCount(0);
  await viewer.reload();
  await viewer.getByTestId('views-open').click();
  await expect(viewer.getByTestId('saved-view').filter({ hasText: name })).toHaveCount(0);
  await ops.close();
  await viewer.close();
});
