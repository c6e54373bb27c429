// The audit log's words for an action: a refused attempt reads as the refusal it was, not as the
// action done (with a Denied badge beside it).
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel, REFUSED_AUDIT_ACTIONS } from './catalog';

describe('auditActionLabel', () => {
  it('says a denied decision on an approval request was refused', () => {
    expect(auditActionLabel('approval.approve', 'denied')).toBe('Refused to approve a request');
    expect(auditActionLabel('approval.decline', 'denied')).toBe('Refused to decline a request');
    expect(auditActionLabel('approval.cancel', 'denied')).toBe('Refused to cancel an approval request');
    expect(auditActionLabel('approval.retry', 'denied')).toBe('Refused to retry an approved request');
    expect(auditActionLabel('transfer.reverse', 'denied')).toBe('Refused to reverse a transfer');
  });

  it('keeps the action’s own words for every other outcome, and without one', () => {
    for (const outcome of [undefined, 'started', 'unknown', 'succeeded', 'failed']) expect(auditActionLabel('approval.approve', outcome)).toBe('Approved a request');
    // An action with no refusal wording keeps its label; an unknown action its name.
    expect(auditActionLabel('operator.sign_in', 'denied')).toBe('Signed in');
    expect(auditActionLabel('something.new', 'denied')).toBe('something.new');
  });

  it('words a refusal for every approval decision', () => {
    for (const action of Object.keys(AUDIT_ACTIONS).filter((a) => a.startsWith('approval'))) expect(REFUSED_AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS]).toMatch(/^Refused to /);
  });
});
