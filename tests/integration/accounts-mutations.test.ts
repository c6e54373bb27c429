// The account actions' Stripe calls against the emulator with the pinned SDK: Stripe's rules are
// re-checked before the call (a Standard account is not rejected), the idempotency key makes a
// retried reject one change (Stripe's replay), updates send only what changed, and a deleted account is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Mutations from '@/lib/accounts/mutations';
import { FIXED_NOW, startHarness, type Harness } from '@/lib/emulator/tests/harness';

let h: Harness;
let m: typeof Mutations;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo', now: () => FIXED_NOW });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  m = await import('@/lib/accounts/mutations');
});
afterAll(() => h.close());

const firstOf = async (type: string) => (await h.stripe.accounts.list({ limit: 100 })).data.find((a) => a.type === type && !a.requirements?.disabled_reason?.startsWith('rejected.'))!;
const log = async (path: string) => ((await (await fetch(`${h.url}/_emulator/requests`)).json()) as { data: { method: string; path: string; idempotent_replayed: boolean }[] }).data.filter((e) => e.path === path);

describe('account mutations', () => {
  it('rejects a Custom account once per key, at the pinned version, and unrejects it', async () => {
    const a = await firstOf('custom');
    const key = crypto.randomUUID();
    const first = await m.rejectAccount({ accountId: a.id, reason: 'fraud_other' }, key, 'emulator');
    expect(first.data.requirements?.disabled_reason).toBe('rejected.platform_fraud');
    expect(first.requestId).toMatch(/^req_/);
    // A retry with the same key (its answer lost, say) gets Stripe's replay, not a second change.
    const retry = await m.rejectAccount({ accountId: a.id, reason: 'fraud_other' }, key, 'emulator');
    expect(retry.data.requirements?.disabled_reason).toBe('rejected.platform_fraud');
    const posts = (await log(`/v1/accounts/${a.id}/reject`)).filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.idempotent_replayed).sort()).toEqual([false, true]);
    // Another key: Stripe's own refusal, in words.
    await expect(m.rejectAccount({ accountId: a.id, reason: 'other' }, crypto.randomUUID(), 'emulator')).rejects.toThrow();
    const back = await m.unrejectAccount({ accountId: a.id }, crypto.randomUUID());
    expect(back.data.requirements?.disabled_reason ?? null).not.toMatch(/^rejected/);
  });

  it('refuses a Standard account before calling Stripe', async () => {
    const a = await firstOf('standard');
    await expect(m.rejectAccount({ accountId: a.id, reason: 'other' }, crypto.randomUUID(), 'emulator')).rejects.toThrow(/Standard/);
    expect(await log(`/v1/accounts/${a.id}/reject`)).toHaveLength(0);
  });

  it('updates only what changed, removing a metadata key', async () => {
    const a = await firstOf('express');
    const keys = Object.keys(a.metadata ?? {});
    const out = await m.updateAccount(
      {
        accountId: a.id,
        email: 'ops-check@example.test',
        businessProfile: { name: a.business_profile?.name ?? '', url: a.business_profile?.url ?? '', supportEmail: a.business_profile?.support_email ?? '', supportPhone: a.business_profile?.support_phone ?? '', productDescription: a.business_profile?.product_description ?? '' },
        metadata: keys.slice(1).map((k) => ({ key: k, value: a.metadata?.[k] ?? '' })),
      },
      crypto.randomUUID(),
    );
    expect(out.data.changed.sort()).toEqual(keys.length ? ['email', 'metadata'] : ['email']);
    const after = await h.stripe.accounts.retrieve(a.id);
    expect(after.email).toBe('ops-check@example.test');
    if (keys.length) expect(after.metadata).not.toHaveProperty(keys[0]);
  });

  it('deletes a test account', async () => {
    const made = await h.stripe.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    const out = await m.deleteAccount({ accountId: made.id }, crypto.randomUUID(), 'emulator');
    expect(out.data).toEqual({ id: made.id, deleted: true });
    await expect(h.stripe.accounts.retrieve(made.id)).rejects.toThrow(/No such account/);
  });
});
