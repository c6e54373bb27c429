// The account page's reads against the emulator's demo data: each view answers what the SDK
// answers (the list reads the index: tests/integration/index-query.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Queries from '@/lib/accounts/queries';
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

describe('the account page views', () => {
  it('reads the account, capabilities, persons, external accounts and balance', async () => {
    const { data } = await h.stripe.accounts.list({ limit: 100 });
    const company = data.find((a) => a.type === 'custom' && a.business_type === 'company' && a.charges_enabled)!;
    const [account, caps, persons, externals, balance] = await Promise.all([
      q.getAccount(company.id), q.listCapabilities(company.id), q.listPersons(company.id), q.listExternalAccounts(company.id), q.getAccountBalance(company.id),
    ]);
    expect(account.id).toBe(company.id);
    expect(caps.map((c) => c.id)).toContain('card_payments');
    expect(persons.some((p) => p.relationship?.representative)).toBe(true);
    expect(externals.length).toBeGreaterThan(0);
    expect(balance.object).toBe('balance');
  });
});
