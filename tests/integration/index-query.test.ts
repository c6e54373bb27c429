// The accounts list's query layer over an index backfilled from the emulator's demo data: every
// filter, the tab counts, search, sorts and keyset pages answer what filtering the API's own
// accounts in code answers; the CSV export streams the whole filtered set. On PGlite, and on
// PostgreSQL when DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { accountCsvRow } from '@/lib/accounts/csv';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { accountColumns, accountTab, ACCOUNT_TABS } from '@/lib/index/account-row';
import type { AccountQueryInput } from '@/lib/index/accounts-query';

let h: Harness;
let q: typeof import('@/lib/index/accounts-query');
let backfill: typeof import('@/lib/index/backfill');
let accounts: Stripe.Account[];
let risky: { warned: string; reviewed: string };
/** The seed's own signals: accounts with an actionable warning or an open review on their direct charges (their own store). */
let direct: { warned: string[]; reviewed: string[] };

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  q = await import('@/lib/index/accounts-query');
  backfill = await import('@/lib/index/backfill');
  // Risk signals on two accounts: an early fraud warning and an open review on destination charges.
  const all = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const receivers = all.filter((a) => a.country === 'US' && a.capabilities?.transfers === 'active');
  const warned = await h.stripe.charges.create({ amount: 2_000, currency: 'usd', source: 'tok_createIssuerFraudRecord', transfer_data: { destination: receivers[0]!.id } });
  await h.stripe.charges.create({ amount: 2_000, currency: 'usd', source: 'tok_riskLevelElevated', transfer_data: { destination: receivers[1]!.id } });
  risky = { warned: receivers[0]!.id, reviewed: receivers[1]!.id };
  void warned;
  await h.stripe.accounts.update(all[3]!.id, { metadata: { region: 'North Sea', tier: 'gold' } });
  await h.stripe.accounts.update(all[4]!.id, { metadata: { region: 'Baltic', tier: 'gold' } });
  accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  direct = { warned: [], reviewed: [] };
  for (const a of accounts) {
    const [warnings, reviews] = await Promise.all([h.stripe.radar.earlyFraudWarnings.list({ limit: 100 }, { stripeAccount: a.id }), h.stripe.reviews.list({ limit: 100 }, { stripeAccount: a.id })]);
    if (warnings.data.some((w) => w.actionable)) direct.warned.push(a.id);
    if (reviews.data.some((r) => r.open)) direct.reviewed.push(a.id);
  }
}, 60_000);
afterAll(() => h?.close());

/** Every id the query answers, walking its pages forward. */
async function allIds(db: OpenDb['db'], input: AccountQueryInput): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await q.queryAccounts(db, { ...input, after });
    ids.push(...page.items.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('too many pages');
}

const byCreatedDesc = (a: Stripe.Account, b: Stripe.Account) => (b.created ?? 0) - (a.created ?? 0) || (a.id < b.id ? 1 : -1);

describe.each(testDatabases())('the accounts query on $name', ({ open }) => {
  let opened: OpenDb;
  beforeAll(async () => {
    opened = await open();
    const outcome = await backfill.runBackfill(opened.db, (await import('@/lib/stripe/client')).getStripe(), { holder: 'query-test' });
    expect(outcome.status).toBe('done');
  }, 120_000);
  afterAll(async () => opened?.close());

  it('counts every tab as the Dashboard would, and the counts follow the other filters', async () => {
    const expected = Object.fromEntries(['all', ...ACCOUNT_TABS].map((tab) => [tab, accounts.filter((a) => tab === 'all' || accountTab(a) === tab).length]));
    expect(await q.countAccountTabs(opened.db, {})).toEqual(expected);
    expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThan(3);
    const us = accounts.filter((a) => a.country === 'US');
    const counts = await q.countAccountTabs(opened.db, { country: 'US', tab: 'rejected' });
    expect(counts.all).toBe(us.length);
    expect(counts.restricted).toBe(us.filter((a) => accountTab(a) === 'restricted').length);
  });

  const cases: Array<[string, AccountQueryInput, (a: Stripe.Account) => boolean]> = [
    ['a tab', { tab: 'restricted' }, (a) => accountTab(a) === 'restricted'],
    ['type and country', { type: ['express', 'custom'], country: 'US' }, (a) => (a.type === 'express' || a.type === 'custom') && a.country === 'US'],
    ['a disabled reason', { disabledReason: 'requirements.past_due' }, (a) => a.requirements?.disabled_reason === 'requirements.past_due'],
    ['a capability and its status', { capability: { name: 'card_payments', status: 'active' } }, (a) => a.capabilities?.card_payments === 'active'],
    ['a due requirement field', { dueField: 'external_account' }, (a) => [...(a.requirements?.currently_due ?? []), ...(a.requirements?.past_due ?? [])].includes('external_account')],
    ['past due only, in a tab', { pastDueOnly: true, tab: 'restricted' }, (a) => (a.requirements?.past_due?.length ?? 0) > 0 && accountTab(a) === 'restricted'],
    ['a deadline before a date', { deadlineBefore: 1_900_000_000 }, (a) => a.requirements?.current_deadline != null && a.requirements.current_deadline < 1_900_000_000],
    ['a created range', { createdFrom: 0, createdTo: Math.floor(Date.now() / 1000) - 30 * 86_400 }, (a) => (a.created ?? 0) < Math.floor(Date.now() / 1000) - 30 * 86_400],
    ['a metadata key and value', { metadata: { key: 'tier', value: 'gold' } }, (a) => a.metadata?.tier === 'gold'],
    ['a metadata key', { metadata: { key: 'region' } }, (a) => a.metadata?.region !== undefined],
    ['search by part of a metadata value', { search: 'north s' }, (a) => accountColumns(a).searchText.includes('north s')],
    ['search by part of an e-mail, any case', { search: 'ELBETIER' }, (a) => accountColumns(a).searchText.includes('elbetier')],
    ['a search with LIKE wildcards taken literally', { search: '%_' }, (a) => accountColumns(a).searchText.includes('%_')],
  ];
  it.each(cases)('filters by %s, over every page', async (_label, input, keep) => {
    const expected = accounts.filter(keep).sort(byCreatedDesc).map((a) => a.id);
    // Each filter keeps some accounts and drops others (the wildcard search: none).
    if (input.search !== '%_') expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(accounts.length);
    expect(await allIds(opened.db, { ...input, limit: 7 })).toEqual(expected);
  });

  it('finds the accounts with risk signals', async () => {
    expect(direct.warned.length + direct.reviewed.length).toBeGreaterThan(0);
    expect((await allIds(opened.db, { risk: 'early_fraud_warning' })).sort()).toEqual([risky.warned, ...direct.warned].sort());
    expect((await allIds(opened.db, { risk: 'review' })).sort()).toEqual([risky.reviewed, ...direct.reviewed].sort());
    expect((await allIds(opened.db, { risk: 'any' })).sort()).toEqual([...new Set([risky.warned, risky.reviewed, ...direct.warned, ...direct.reviewed])].sort());
  });

  it('sorts by any column with keyset pages, both ways', async () => {
    for (const sort of ['business_name', 'email', 'country', 'current_deadline', 'past_due_count', 'status'] as const) {
      const asc = await allIds(opened.db, { sort, order: 'asc', limit: 33 });
      expect(asc).toHaveLength(accounts.length);
      expect(new Set(asc).size).toBe(accounts.length);
      const desc = await allIds(opened.db, { sort, order: 'desc', limit: 50 });
      expect(desc).toEqual([...asc].reverse());
    }
    const names = await allIds(opened.db, { sort: 'business_name', order: 'asc', limit: 100 });
    const byId = new Map(accounts.map((a) => [a.id, accountColumns(a).businessName]));
    const sorted = names.map((id) => byId.get(id)!);
    expect(sorted.filter(Boolean)).toHaveLength(sorted.filter(Boolean).length);
    // Back one page from the second gives the first.
    const first = await q.queryAccounts(opened.db, { tab: 'restricted', limit: 10 });
    const second = await q.queryAccounts(opened.db, { tab: 'restricted', limit: 10, after: first.next! });
    expect(first.prev).toBeNull();
    const back = await q.queryAccounts(opened.db, { tab: 'restricted', limit: 10, before: second.prev! });
    expect(back.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
  });

  it('refuses input it cannot read', () => {
    expect(() => q.accountQuerySchema.parse({ tab: 'nope' })).toThrow();
    expect(() => q.accountQuerySchema.parse({ country: 'usa' })).toThrow();
    expect(() => q.accountQuerySchema.parse({ capability: { name: 'card payments', status: 'active' } })).toThrow();
  });

  it('exports the whole filtered set as CSV, in the list order', async () => {
    const response = new Response(q.exportAccountsCsv(opened.db, { tab: 'all', sort: 'created', order: 'desc' }));
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,email,type,country,status/);
    // Row by row what the accounts export writes for the API's own account (lib/accounts/csv.ts).
    const now = Math.floor(Date.now() / 1000);
    const exact = (await new Response(q.exportAccountsCsv(opened.db, { tab: 'all', sort: 'created', order: 'desc' }, { now, batch: 17 })).text()).trim().split('\r\n');
    expect(exact.slice(1)).toEqual([...accounts].sort(byCreatedDesc).map((a) => accountCsvRow(a, now).trimEnd()));
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([...accounts].sort(byCreatedDesc).map((a) => a.id));
    const restricted = (await new Response(q.exportAccountsCsv(opened.db, { tab: 'restricted', sort: 'business_name', order: 'asc' }, { batch: 9 })).text()).trim().split('\r\n');
    expect(restricted).toHaveLength(1 + accounts.filter((a) => accountTab(a) === 'restricted').length);
  });

  it('searches through a trigram index', async () => {
    const result = await opened.db.execute(sql`select indexdef from pg_indexes where indexname = 'index_accounts_search_trgm_idx'`);
    const rows = ((result as { rows?: unknown[] }).rows ?? result) as Array<{ indexdef: string }>;
    expect(rows[0]?.indexdef).toMatch(/gin_trgm_ops/);
  });

  it('says how fresh the index is', async () => {
    const fresh = await q.indexFreshness(opened.db);
    expect(fresh.accounts).toBe(accounts.length);
    expect(Date.now() - fresh.lastSyncedAt!.getTime()).toBeLessThan(120_000);
  });
});
