// The risk object pages' reads against the emulator with the real SDK: a destination charge with
// a dispute (the platform's), a direct charge with a dispute, an early fraud warning and a Radar
// review (the connected account's own store, read with Stripe-Account), each found through the
// index's row or the `?account=` the link carried, and an id Stripe does not know answered 404 in
// words. On PGlite, and on PostgreSQL when DATABASE_URL is set.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';

const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/index/background', () => ({ kickInboxWorker: () => undefined, ensureIndexJobs: () => undefined }));

let h: Harness;
let account: string;
let made: { destination: Stripe.Charge; direct: Stripe.Charge; warned: Stripe.Charge; reviewed: Stripe.Charge };

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  const accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  account = accounts.find((a) => a.country === 'US' && a.capabilities?.transfers === 'active' && a.capabilities?.card_payments === 'active' && !a.requirements?.disabled_reason)!.id;
  const on = { stripeAccount: account };
  const [destination, direct, warned, reviewed] = await Promise.all([
    h.stripe.charges.create({ amount: 5100, currency: 'usd', source: 'tok_createDispute', transfer_data: { destination: account }, application_fee_amount: 300 }),
    h.stripe.charges.create({ amount: 4200, currency: 'usd', source: 'tok_createDispute', application_fee_amount: 200 }, on),
    h.stripe.charges.create({ amount: 3100, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, on),
    h.stripe.charges.create({ amount: 2100, currency: 'usd', source: 'tok_riskLevelElevated' }, on),
  ]);
  made = { destination, direct, warned, reviewed };
}, 120_000);
afterAll(async () => h?.close());

describe.each(testDatabases())('risk object reads on $name', ({ open }) => {
  let opened: OpenDb;
  let q: typeof import('@/lib/risk/object-queries');
  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    q = await import('@/lib/risk/object-queries');
  }, 60_000);
  afterAll(async () => opened?.close());

  it('a destination charge is the platform’s: its dispute in Stripe’s words, its transfer and fee, the destination as its account', async () => {
    const detail = await q.getChargeDetail(made.destination.id, null);
    expect(detail.onAccount).toBe(false);
    expect(detail.accountId).toBe(account);
    expect(detail.charge.transfer).toBeTruthy();
    expect(detail.charge.application_fee).toBeTruthy();
    expect(detail.charge.outcome?.risk_level).toBe('normal');
    const [dispute] = (await h.stripe.disputes.list({ charge: made.destination.id })).data;
    expect(detail.disputes.map((d) => [d.id, d.status, d.reason, d.amount])).toEqual([[dispute!.id, 'needs_response', 'fraudulent', 5100]]);
  });

  it('a direct charge lives on the account: not found on the platform alone, found with ?account=, and through the index’s row', async () => {
    await expect(q.getChargeDetail(made.direct.id, null)).rejects.toMatchObject({ statusCode: 404 });
    const given = await q.getChargeDetail(made.direct.id, account);
    expect(given.onAccount).toBe(true);
    expect(given.accountId).toBe(account);
    expect(given.disputes.map((d) => [d.status, d.reason, d.amount])).toEqual([['needs_response', 'fraudulent', 4200]]);
    expect(given.disputes[0]!.evidence_details.due_by).toBeGreaterThan(made.direct.created);

    // Once the index holds the charge (read on the account), no account need be given.
    const { applyObjects } = await import('@/lib/index/apply');
    const charge = await h.stripe.charges.retrieve(made.direct.id, {}, { stripeAccount: account });
    await applyObjects(opened.db, [charge as never], { created: charge.created, fetched: true, account, bulk: true });
    expect(await q.storesFor(made.direct.id, null)).toEqual([{ account, stripeAccount: account }]);
    const indexed = await q.getChargeDetail(made.direct.id, null);
    expect(indexed.onAccount).toBe(true);
    expect(indexed.disputes).toHaveLength(1);
  });

  it('an early fraud warning on a direct charge: its fraud type, its charge expanded, the account', async () => {
    const [warning] = (await h.stripe.radar.earlyFraudWarnings.list({ charge: made.warned.id }, { stripeAccount: account })).data;
    const detail = await q.getWarningDetail(warning!.id, account);
    expect(detail.warning.fraud_type).toBe('made_with_stolen_card');
    expect(detail.warning.actionable).toBe(true);
    expect((detail.warning.charge as Stripe.Charge).id).toBe(made.warned.id);
    expect(detail).toMatchObject({ accountId: account, onAccount: true });
    // The charge page lists it too.
    expect((await q.getChargeDetail(made.warned.id, account)).warnings.map((w) => w.id)).toEqual([warning!.id]);
  });

  it('a Radar review on a direct charge: open because of a rule, its charge at elevated risk', async () => {
    const charge = await q.getChargeDetail(made.reviewed.id, account);
    const review = charge.review!;
    expect(review.id).toBe(charge.charge.review);
    expect(review.open).toBe(true);
    const detail = await q.getReviewDetail(review.id, account);
    expect(detail.review.opened_reason).toBe('rule');
    expect((detail.review.charge as Stripe.Charge).outcome?.risk_level).toBe('elevated');
    expect(detail).toMatchObject({ accountId: account, onAccount: true });
  });

  it('the route answers an unknown id 404 in words with the request id, and refuses a malformed account', async () => {
    const { riskObjectRead } = await import('@/lib/risk/object-route');
    const read = riskObjectRead('ch_', 'a charge', q.getChargeDetail);
    const unknown = await read(new Request(`http://localhost/api/risk/charges/ch_nope?account=${account}`), { params: Promise.resolve({ id: 'ch_nope' }) });
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { error: { message: string; requestId: string | null } };
    expect(body.error.message).toMatch(/No such charge/);
    expect(body.error.requestId).toMatch(/^req_/);
    const bad = await read(new Request('http://localhost/api/risk/charges/ch_nope?account=nope'), { params: Promise.resolve({ id: 'ch_nope' }) });
    expect(bad.status).toBe(400);
    const fine = await read(new Request(`http://localhost/api/risk/charges/${made.direct.id}?account=${account}`), { params: Promise.resolve({ id: made.direct.id }) });
    expect(fine.status).toBe(200);
  });
});
