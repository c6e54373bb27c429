import { describe, expect, it } from 'vitest';
import { objectIdSchema } from './id-schema';
import { idOf, isObjectId } from './ids';

describe('Stripe ids', () => {
  it('knows an id of a prefix by its shape', () => {
    expect(isObjectId('acct_1EY6Qd', 'acct_')).toBe(true);
    expect(isObjectId('trr_1', 'tr_')).toBe(false);
    expect(isObjectId('acct_', 'acct_')).toBe(false);
    expect(isObjectId('acct_../x', 'acct_')).toBe(false);
    expect(objectIdSchema('fee_', 'Not a fee').safeParse('fee_x').success).toBe(true);
    expect(objectIdSchema('fee_', 'Not a fee').safeParse('fr_x').error?.issues[0].message).toBe('Not a fee');
  });

  it('reads the id of an id or an expanded object', () => {
    expect(idOf('acct_1')).toBe('acct_1');
    expect(idOf({ id: 'acct_2' })).toBe('acct_2');
    expect(idOf(null)).toBeNull();
  });
});
