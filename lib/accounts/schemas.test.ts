import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { deleteAccountSchema, PINNED_API_VERSION, rejectAccountSchema, updateAccountSchema } from './schemas';

const key = '0b6f1f2e-8d1c-4a3e-9a57-3f0c1d2e4b5a';
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('PINNED_API_VERSION', () => {
  it('is the version the stripe package pins', () => {
    expect(PINNED_API_VERSION).toBe((Stripe as unknown as { API_VERSION: string }).API_VERSION);
  });
});

describe('rejectAccountSchema', () => {
  const ok = { accountId: 'acct_1ABC', reason: 'fraud_other', note: 'Card testing pattern on 40 charges', confirmation: 'acct_1ABC', idempotencyKey: key };
  it('accepts a complete, confirmed rejection', () => {
    expect(rejectAccountSchema.safeParse(ok).success).toBe(true);
  });
  it('needs the typed id, a reason of the pinned version, a note and a request key', () => {
    expect(issues(rejectAccountSchema.safeParse({ ...ok, confirmation: 'acct_1AB' }))).toEqual(['confirmation: Type the account id exactly to confirm.']);
    expect(issues(rejectAccountSchema.safeParse({ ...ok, reason: 'fraud' }))).toEqual(['reason: Choose a reason.']);
    expect(issues(rejectAccountSchema.safeParse({ ...ok, note: 'bad' }))[0]).toMatch(/^note: Say why/);
    expect(issues(rejectAccountSchema.safeParse({ ...ok, idempotencyKey: '1' }))[0]).toMatch(/^idempotencyKey:/);
    expect(issues(rejectAccountSchema.safeParse({ ...ok, accountId: 'ch_1' }))[0]).toMatch(/^accountId: Not an account id/);
  });
});

describe('deleteAccountSchema', () => {
  it('needs the typed id', () => {
    const base = { accountId: 'acct_1ABC', note: 'Duplicate test account, never used', idempotencyKey: key };
    expect(deleteAccountSchema.safeParse({ ...base, confirmation: ' acct_1ABC ' }).success).toBe(true);
    expect(deleteAccountSchema.safeParse({ ...base, confirmation: 'acct_1abc' }).success).toBe(false);
  });
});


describe('updateAccountSchema', () => {
  it('checks e-mail and URL shapes, and allows clearing them', () => {
    const base = { accountId: 'acct_1ABC', idempotencyKey: key, email: '', businessProfile: { name: '', url: '', supportEmail: '', supportPhone: '', productDescription: '' }, metadata: [] };
    expect(updateAccountSchema.safeParse(base).success).toBe(true);
    expect(issues(updateAccountSchema.safeParse({ ...base, email: 'nope', businessProfile: { ...base.businessProfile, url: 'example' } }))).toEqual([
      'email: Not an e-mail address.',
      'businessProfile.url: Not a URL (https://...).',
    ]);
  });
});
