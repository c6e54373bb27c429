// Who may decide a request, and the snapshot comparison a request's approval depends on.
import { describe, expect, it } from 'vitest';
import { canonicalJson, describeChanges, snapshotChanges } from './assessment';
import { DEFAULT_POLICIES } from './policy';
import { mayDecide } from './rules';

const reversal = { action: 'transfer_reversal', requestedBy: 'op_requester' };

describe('mayDecide', () => {
  it('never lets the requester decide their own request, even as admin', () => {
    expect(mayDecide({ id: 'op_requester', role: 'admin' }, reversal, DEFAULT_POLICIES.transfer_reversal)).toEqual({
      allowed: false,
      why: 'You asked for this yourself: another operator must approve or decline it.',
      logWhy: 'The requester cannot approve their own request.',
    });
  });

  it('says each refusal of the audit log in words about the operator, for the decision they tried', () => {
    expect(mayDecide({ id: 'op_requester', role: 'finance' }, reversal, DEFAULT_POLICIES.transfer_reversal, 'decline')).toMatchObject({ logWhy: 'The requester cannot decline their own request.' });
    expect(mayDecide({ id: 'op_requester', role: 'finance' }, reversal, DEFAULT_POLICIES.transfer_reversal, 'retry')).toMatchObject({ logWhy: 'The requester cannot retry their own request.' });
    expect(mayDecide({ id: 'op_other', role: 'support' }, reversal, DEFAULT_POLICIES.transfer_reversal)).toMatchObject({ logWhy: 'The Support role may not make a transfer reversal itself, so it may not approve one.' });
    expect(mayDecide({ id: 'op_other', role: 'finance' }, reversal, { ...DEFAULT_POLICIES.transfer_reversal, approverRoles: ['admin'] }, 'decline')).toMatchObject({
      logWhy: 'The policy lets only Admin decline a transfer reversal; the operator is Finance.',
    });
  });

  it('asks for the action’s own permission and one of the policy’s roles', () => {
    expect(mayDecide({ id: 'op_other', role: 'finance' }, reversal, DEFAULT_POLICIES.transfer_reversal)).toEqual({ allowed: true });
    expect(mayDecide({ id: 'op_other', role: 'admin' }, reversal, DEFAULT_POLICIES.transfer_reversal)).toEqual({ allowed: true });
    expect(mayDecide({ id: 'op_other', role: 'support' }, reversal, DEFAULT_POLICIES.transfer_reversal)).toMatchObject({ allowed: false, why: expect.stringContaining('may not make a transfer reversal itself') });
    // The role may reverse, but the policy does not name it.
    expect(mayDecide({ id: 'op_other', role: 'finance' }, reversal, { ...DEFAULT_POLICIES.transfer_reversal, approverRoles: ['admin'] })).toMatchObject({ allowed: false, why: 'The policy lets only Admin approve a transfer reversal.' });
  });
});

describe('snapshots', () => {
  it('names what changed, label by label', () => {
    const changes = snapshotChanges({ 'Left to reverse': '$2,000.00 USD', Status: 'Enabled' }, { 'Left to reverse': '$1,900.00 USD', Status: 'Enabled' });
    expect(changes).toEqual([{ label: 'Left to reverse', then: '$2,000.00 USD', now: '$1,900.00 USD' }]);
    expect(describeChanges(changes)).toBe('Left to reverse: $2,000.00 USD then, $1,900.00 USD now');
    expect(snapshotChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('compares parameters whatever the order of their keys, and nothing else', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: { d: [1, 2] } })).not.toBe(canonicalJson({ a: { d: [2, 1] } }));
  });
});
