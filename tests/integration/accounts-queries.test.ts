// The dashboard's account reads against the emulator's demo data: the filtered list walks pages
// honestly, and each view of the account page answers what the SDK answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Queries from '@/lib/accounts/queries';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { matchesState } from '@/lib/accounts/status';
import { FIXED_NOW, startHarness, type Harness } from '@/lib/emulator/tests/harness';

let h: Harness;
let q: typeof Queries;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo', now: () => FIXED_NOW });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  q = await import('@/lib/accounts/queries');
});
afterAll(() => h.close());

const requestsTo = async (path: string) => {
  const log = (await (await fetch(`${h.url}/_emulator/requests`)).json()) as { data: { path: string }[] };
  return log.data.filter((e) => e.path === path).length;
};

describe('listAccounts', () => {
  it('answers one Stripe page when nothing needs filtering on the server', async () => {
    const before = await requestsTo('/v1/accounts');
    const page = await q.listAccounts(parseAccountFilters({ limit: '10' }));
    expect(page.items).toHaveLength(10);
    expect(page).toMatchObject({ filtered: false, scanned: 10, partial: false, prev: null });
    expect(page.next).toBe(page.items[9].id);
    expect((await requestsTo('/v1/accounts')) - before).toBe(1);
  });

  it('filters type, country and state on the pages it reads, and pages on', async () => {
    const f = parseAccountFilters({ state: 'past_due', limit: '10' });
    const first = await q.listAccounts(f);
    expect(first.filtered).toBe(true);
    expect(first.items).toHaveLength(10);
    expect(first.items.every((a) => matchesState(a, 'past_due'))).toBe(true);
    const second = await q.listAccounts({ ...f, after: first.next! });
    expect(second.items.every((a) => matchesState(a, 'past_due'))).toBe(true);
    expect(second.items.map((a) => a.id)).not.toContain(first.items[0].id);
    const back = await q.listAccounts({ ...f, after: undefined, before: second.prev! });
    expect(back.items.map((a) => a.id)).toEqual(first.items.map((a) => a.id));
  });

  it('sends the created range to Stripe', async () => {
    const page = await q.listAccounts(parseAccountFilters({ created_from: '2026-05-01', created_to: '2026-05-31', limit: '100' }));
    const from = Date.parse('2026-05-01T00:00:00Z') / 1000;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((a) => (a.created ?? 0) >= from && (a.created ?? 0) < from + 31 * 86_400)).toBe(true);
  });

  it('says how far it looked when nothing matches', async () => {
    const page = await q.listAccounts(parseAccountFilters({ country: 'ZZ' }));
    expect(page).toMatchObject({ items: [], partial: false, next: null });
    expect(page.scanned).toBe(240);
  });
});

describe('the account page views', () => {
  it('reads the account, capabilities, persons, external accounts and balance', async () => {
    const { items } = await q.listAccounts(parseAccountFilters({ type: 'custom', state: 'enabled', limit: '100' }));
    const company = items.find((a) => a.business_type === 'company')!;
    const [account, caps, persons, externals, balance] = await Promise.all([
      q.getAccount(company.id), q.listCapabilities(company.id), q.listPersons(company.id), q.listExternalAccounts(company.id), q.getAccountBalance(company.id),
    ]);
    expect(account.id).toBe(company.id);
    expect(caps.map((c) => c.id)).toContain('card_payments');
    expect(persons.some((p) => p.relationship?.representative)).toBe(true);
    expect(externals.length).toBeGreaterThan(0);
    expect(balance.object).toBe('balance');
  });

  it('counts every account', async () => {
    expect(await q.countConnectedAccounts()).toBe(240);
  });
});
