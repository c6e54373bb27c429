// What the parity run compares of an answer: ids, times and URLs made neutral, fields and values listed.
import { describe, expect, it } from 'vitest';
import { fieldPaths, leafValues, normalizeValue } from './normalize';
import type { Json } from './types';

describe('normalizeValue', () => {
  it('replaces ids (keeping their prefix), times, URLs and opaque tokens; keeps words with underscores', () => {
    const answer = {
      id: 'tr_1QxYz2AbCdEfGhIj',
      created: 1764237600,
      expected_availability_date: 1764800000,
      amount: 5000,
      url: '/v1/transfers/tr_1QxYz2AbCdEfGhIj/reversals',
      link: 'https://connect.stripe.com/setup/e/acct_1Abc/xyz',
      transfer_group: 'group_ch_3Nx1234567890abcd',
      disabled_reason: 'rejected.platform_other',
      currently_due: ['person_1AbCdEfGh12345.first_name', 'individual.verification.document'],
      destination_payment_refund: 'pyr_pUPGZOOWgdHrgfvhRFGriDxD',
      verification: 'individual_verification_document_front',
      network_transaction_id: 'IaxCe3GdXfQgMNV',
      client_secret: 'src_client_secret_ztFdGwFcKpihKHUaGwQzWTbm',
      fingerprint: 'Xt5EWLLDS7FJjR1c',
      lastResponse: { statusCode: 200 },
    };
    expect(normalizeValue(answer)).toEqual({
      id: 'tr_<id>',
      created: '<time>',
      expected_availability_date: '<time>',
      amount: 5000,
      url: '/v1/transfers/tr_<id>/reversals',
      link: '<url>',
      transfer_group: 'group_ch_<id>',
      disabled_reason: 'rejected.platform_other',
      currently_due: ['person_<id>.first_name', 'individual.verification.document'],
      destination_payment_refund: 'pyr_<id>',
      verification: 'individual_verification_document_front',
      network_transaction_id: '<opaque>',
      client_secret: '<opaque>',
      fingerprint: '<opaque>',
    });
  });
});

describe('fieldPaths and leafValues', () => {
  const value: Json = { object: 'list', data: [{ id: 'a', meta: { k: 'v' } }, { id: 'b', meta: {} }], has_more: false };

  it('lists every field path, arrays as []', () => {
    expect(fieldPaths(value)).toEqual(['data', 'data[].id', 'data[].meta', 'data[].meta.k', 'has_more', 'object']);
  });

  it('lists every leaf by path, arrays by index, empty hashes as leaves', () => {
    expect(leafValues(value)).toEqual({ object: 'list', 'data[0].id': 'a', 'data[0].meta.k': 'v', 'data[1].id': 'b', 'data[1].meta': {}, has_more: false });
  });
});
