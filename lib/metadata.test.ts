// Metadata rules: Stripe's limits, and the console's attribution keys that no form may write.
import { describe, expect, it } from 'vitest';
import { carriesRequestKey, consoleMetadataRows, editableMetadataRows, editableMetadataSchema, madeByRequest, metadataSchema, metadataUpdate } from '@/lib/metadata';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('metadataSchema', () => {
  it('applies Stripe’s limits', () => {
    expect(metadataSchema.safeParse([{ key: 'a', value: 'b' }]).success).toBe(true);
    expect(issues(metadataSchema.safeParse([{ key: 'k'.repeat(41), value: '' }]))).toEqual(['0.key: Keys are at most 40 characters.']);
    expect(issues(metadataSchema.safeParse([{ key: 'k', value: 'v'.repeat(501) }]))).toEqual(['0.value: Values are at most 500 characters.']);
    expect(issues(metadataSchema.safeParse(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }))))).toEqual([': At most 50 keys.']);
    expect(issues(metadataSchema.safeParse([{ key: 'a', value: '1' }, { key: 'a ', value: '2' }]))).toEqual([': Each key can appear once.']);
    expect(issues(metadataSchema.safeParse([{ key: 'a[b]', value: '1' }]))).toEqual(['0.key: Keys cannot contain square brackets.']);
  });
});

describe('the console’s attribution keys', () => {
  it('cannot be set by an operator, even with spaces around the key', () => {
    for (const key of ['console_request', ' refunded_by', 'reversed_by ', 'created_by']) {
      const result = editableMetadataSchema.safeParse([{ key, value: 'forged' }]);
      expect(result.success).toBe(false);
      expect(issues(result)[0]).toMatch(/written by the console/);
    }
    expect(editableMetadataSchema.safeParse([{ key: 'ticket', value: 'T-1' }]).success).toBe(true);
  });

  it('are never sent in an update, so they keep their values', () => {
    const current = { console_request: 'key_1', refunded_by: 'a@b.c', ticket: 'T-1', note: 'x' };
    expect(metadataUpdate(current, [{ key: 'ticket', value: 'T-2' }, { key: 'console_request', value: 'forged' }])).toEqual({ ticket: 'T-2', note: '' });
  });

  it('are shown apart from the rows an operator edits', () => {
    const current = { console_request: 'key_1', reversed_by: 'a@b.c', ticket: 'T-1' };
    expect(editableMetadataRows(current)).toEqual([{ key: 'ticket', value: 'T-1' }]);
    expect(consoleMetadataRows(current).map((r) => r.key)).toEqual(['console_request', 'reversed_by']);
  });
});

describe('finding the object a request made', () => {
  it('picks the one whose metadata carries the request key, and says so in words', () => {
    const objects = [{ id: 'trr_1', metadata: { console_request: 'a' } }, { id: 'trr_2', metadata: null }, { id: 'trr_3', metadata: { console_request: 'b' } }];
    expect(madeByRequest(objects, 'b')?.id).toBe('trr_3');
    expect(madeByRequest(objects, 'c')).toBeNull();
    expect(carriesRequestKey('reversal', 'trr_3')).toBe("reversal trr_3 carries this request's key (console_request)");
  });
});
