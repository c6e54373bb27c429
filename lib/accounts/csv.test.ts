import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_CSV_COLUMNS, accountCsvHeader, accountCsvRow } from './csv';

describe('accounts CSV', () => {
  it('writes one escaped line per account, in the header’s columns', () => {
    const a = {
      id: 'acct_1A',
      email: '=cmd@evil.test',
      type: 'custom',
      country: 'US',
      business_profile: { name: 'Shop, "Best"' },
      charges_enabled: false,
      payouts_enabled: true,
      capabilities: { card_payments: 'active' },
      created: 1_780_272_000,
      requirements: { past_due: ['external_account'], currently_due: ['external_account'], current_deadline: null, errors: [], disabled_reason: 'rejected.platform_fraud' },
    } as unknown as Stripe.Account;
    expect(accountCsvHeader()).toBe(`${ACCOUNT_CSV_COLUMNS.join(',')}\r\n`);
    const row = accountCsvRow(a, 1_780_272_000);
    expect(row).toBe(
      'acct_1A,"Shop, ""Best""",\'=cmd@evil.test,custom,US,Rejected,false,true,external_account,external_account,,,rejected.platform_fraud,Rejected by your platform for fraud,1 of 1 active,2026-06-01T00:00:00.000Z\r\n',
    );
  });
});
