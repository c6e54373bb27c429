import { describe, expect, it } from 'vitest';
import { parseFeeFilters } from './filter-schema';
import { feeFiltersQuery, refundStateOf } from './filters';
import { describeFeeRefund, feeRemaining, refundAmount } from './refunds';

const fee = { id: 'fee_1', account: 'acct_1', amount: 2000, amount_refunded: 750, currency: 'usd' };

describe('fee refunds', () => {
  it('knows what is left and the refund state', () => {
    expect(feeRemaining(fee)).toBe(1250);
    expect(refundStateOf(fee)).toBe('partial');
    expect(refundStateOf({ amount: 5, amount_refunded: 0 })).toBe('none');
    expect(refundStateOf({ amount: 5, amount_refunded: 5 })).toBe('full');
  });

  it('refunds all that is left, or a typed amount never above it', () => {
    expect(refundAmount(fee, true, '')).toEqual({ ok: true, amount: 1250 });
    expect(refundAmount(fee, false, '12.50')).toEqual({ ok: true, amount: 1250 });
    const over = refundAmount(fee, false, '12.51');
    expect(over.ok).toBe(false);
    expect(!over.ok && over.error).toContain('Only $12.50 USD of this fee is left');
    expect(refundAmount(fee, false, '1.234').ok).toBe(false);
    expect(refundAmount({ ...fee, amount_refunded: 2000 }, true, '').ok).toBe(false);
  });

  it('parses zero- and three-decimal currencies exactly', () => {
    expect(refundAmount({ amount: 1200, amount_refunded: 0, currency: 'jpy' }, false, '1,200')).toEqual({ ok: true, amount: 1200 });
    expect(refundAmount({ amount: 1200, amount_refunded: 0, currency: 'jpy' }, false, '12.5').ok).toBe(false);
    expect(refundAmount({ amount: 5000, amount_refunded: 0, currency: 'kwd' }, false, '1.250')).toEqual({ ok: true, amount: 1250 });
  });

  it('states the refund in words', () => {
    expect(describeFeeRefund({ ...fee, amount_refunded: 0 }, 1250)).toBe('Refund $12.50 USD of fee fee_1 collected from acct_1. $7.50 USD of it will be left.');
    expect(describeFeeRefund(fee, 1250)).toBe('Refund $12.50 USD of fee fee_1 collected from acct_1 (all that is left of it). The fee will then be fully refunded.');
    expect(describeFeeRefund({ ...fee, amount: 1200, amount_refunded: 0, currency: 'jpy' }, 1200)).toContain('Refund ¥1,200 JPY of fee fee_1 collected from acct_1 (the whole fee)');
  });

  it('keeps filters in the URL leniently', () => {
    const f = parseFeeFilters(new URLSearchParams('account=acct_9&refund=partial&limit=7&after=nope&created_from=2026-01-01'));
    expect(f).toMatchObject({ account: 'acct_9', refund: 'partial', limit: 25, after: undefined, created_from: '2026-01-01' });
    expect(feeFiltersQuery(f)).toBe('?account=acct_9&created_from=2026-01-01&refund=partial');
  });
});
