// Unit tests for parameter checking: the 400s Stripe sends for unknown, missing, mistyped and
// out-of-range parameters, each naming its bracketed `param`, and Stripe's metadata rules.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './errors';
import type { FormObject } from './form';
import {
  bool,
  emptyableHash,
  expand,
  hash,
  int,
  listParams,
  mergeMetadata,
  metadata,
  oneOf,
  paramName,
  parseParams,
  rangeFilter,
  str,
  unsettableStr,
} from './params';

const schema = hash({
  reason: oneOf(['fraud', 'terms_of_service', 'other']),
  limit: int({ min: 1, max: 100 }).optional(),
  name: str({ max: 5 }).optional(),
  description: unsettableStr({ max: 3 }).optional(),
  flag: bool().optional(),
  metadata: metadata().optional(),
  nested: hash({ inner: hash({ leaf: str().optional() }).optional() }).optional(),
  address: emptyableHash({ city: unsettableStr().optional() }).optional(),
  created: rangeFilter().optional(),
  expand: expand(),
});

function refusal(s: z.ZodType, input: FormObject): StripeApiError['body'] & { status: number; beforeExecution: boolean } {
  try {
    parseParams(s, input);
  } catch (e) {
    if (e instanceof StripeApiError) return { ...e.body, status: e.status, beforeExecution: e.beforeExecution };
    throw e;
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}
const bad = (input: FormObject) => refusal(schema, { reason: 'fraud', ...input });

describe('parseParams: what it accepts', () => {
  it('types the strings it receives', () => {
    expect(parseParams(schema, { reason: 'other', limit: '42', flag: 'false', created: { gte: '10', lt: '20' }, expand: ['a', 'b'] })).toEqual({
      reason: 'other',
      limit: 42,
      flag: false,
      created: { gte: 10, lt: 20 },
      expand: ['a', 'b'],
    });
    expect(parseParams(schema, { reason: 'fraud', created: '1700000000' }).created).toBe(1700000000);
  });

  it("turns '' into null where a field can be unset", () => {
    expect(parseParams(schema, { reason: 'fraud', description: '', address: '', metadata: '' })).toMatchObject({ description: null, address: null, metadata: null });
  });
});

describe('parseParams: the errors Stripe sends', () => {
  it('names a missing required parameter with parameter_missing', () => {
    const e = refusal(schema, {});
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_missing', param: 'reason', message: 'Missing required param: reason.' });
  });

  it('names the nested path of a missing required parameter', () => {
    const dob = hash({ dob: emptyableHash({ day: int(), month: int(), year: int() }) });
    expect(refusal(dob, { dob: { day: '1', year: '1990' } })).toMatchObject({ code: 'parameter_missing', param: 'dob[month]' });
  });

  it('names an unknown parameter with parameter_unknown, in bracket notation when nested', () => {
    expect(bad({ colour: 'red' })).toMatchObject({ status: 400, code: 'parameter_unknown', param: 'colour', message: 'Received unknown parameter: colour' });
    expect(bad({ nested: { inner: { leaf: 'x', twig: 'y' } } })).toMatchObject({ code: 'parameter_unknown', param: 'nested[inner][twig]', message: 'Received unknown parameter: nested[inner][twig]' });
    expect(bad({ address: { city: 'Paris', zip: '75001' } })).toMatchObject({ code: 'parameter_unknown', param: 'address[zip]' });
    expect(bad({ created: { after: '1' } })).toMatchObject({ code: 'parameter_unknown', param: 'created[after]' });
  });

  it('lists the allowed values of an enum', () => {
    expect(bad({ reason: 'spam' })).toMatchObject({ status: 400, param: 'reason', message: 'Invalid reason: must be one of fraud, terms_of_service, or other' });
    expect(bad({ reason: 'spam' }).code).toBeUndefined();
  });

  it("refuses '' for a field that cannot be unset, with parameter_invalid_empty", () => {
    for (const input of [{ reason: '' }, { name: '' }, { limit: '' }] as FormObject[]) {
      const e = bad(input);
      const param = Object.keys(input)[0];
      expect(e).toMatchObject({ code: 'parameter_invalid_empty', param });
      expect(e.message).toContain(`You passed an empty string for '${param}'`);
    }
  });

  it('refuses values of the wrong type', () => {
    expect(bad({ limit: 'ten' })).toMatchObject({ param: 'limit', code: 'parameter_invalid_integer', message: 'Invalid integer: ten' });
    expect(bad({ limit: '1.5' })).toMatchObject({ param: 'limit', code: 'parameter_invalid_integer' });
    expect(bad({ flag: 'yes' })).toMatchObject({ param: 'flag', message: 'Invalid boolean: yes' });
    expect(bad({ created: { gt: 'soon' } })).toMatchObject({ param: 'created[gt]', code: 'parameter_invalid_integer' });
  });

  it('refuses a string where a hash belongs, and a hash where a string belongs', () => {
    expect(bad({ nested: 'x' })).toMatchObject({ param: 'nested', message: 'Invalid hash: x' });
    expect(bad({ address: 'Paris' })).toMatchObject({ param: 'address', message: 'Invalid hash: Paris' });
    expect(bad({ metadata: 'x' })).toMatchObject({ param: 'metadata', message: 'Invalid hash: x' });
    expect(bad({ name: { first: 'a' } })).toMatchObject({ param: 'name', message: 'Invalid string: hash' });
    expect(bad({ limit: ['1'] })).toMatchObject({ param: 'limit', message: 'Invalid string: array' });
    expect(bad({ expand: 'account' })).toMatchObject({ param: 'expand', message: 'Invalid array: account' });
  });

  it('states the bounds of integers and the length of strings', () => {
    expect(bad({ limit: '0' })).toMatchObject({ param: 'limit', message: 'Invalid limit: must be greater than or equal to 1' });
    expect(bad({ limit: '101' })).toMatchObject({ param: 'limit', message: 'Invalid limit: must be less than or equal to 100' });
    expect(bad({ name: 'toolong' })).toMatchObject({ param: 'name', message: 'Invalid name: must be at most 5 characters' });
    expect(bad({ description: 'abcd' })).toMatchObject({ param: 'description', message: 'Invalid description: must be at most 3 characters' });
  });

  it('refuses more than 50 expansions', () => {
    expect(bad({ expand: Array.from({ length: 51 }, () => 'account') })).toMatchObject({ param: 'expand' });
    expect(parseParams(schema, { reason: 'fraud', expand: Array.from({ length: 50 }, () => 'account') }).expand).toHaveLength(50);
  });

  it('reports the first problem only, before anything runs', () => {
    const e = refusal(schema, { limit: 'x' });
    expect(e.status).toBe(400);
    expect(e.beforeExecution).toBe(true);
  });

  it('checks the list parameters every list takes', () => {
    const list = hash({ ...listParams });
    expect(parseParams(list, { limit: '100', starting_after: 'acct_1' })).toEqual({ limit: 100, starting_after: 'acct_1' });
    expect(refusal(list, { limit: '0' }).param).toBe('limit');
    expect(refusal(list, { limit: '101' }).param).toBe('limit');
    expect(refusal(list, { starting_after: '' }).code).toBe('parameter_invalid_empty');
  });
});

describe('metadata', () => {
  const m = (value: FormObject[string]) => parseParams(hash({ metadata: metadata() }), { metadata: value }).metadata;
  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key_${i}`, 'v']));

  it('takes up to 50 keys of up to 40 characters with values up to 500', () => {
    expect(Object.keys(m(keys(50)) ?? {})).toHaveLength(50);
    expect(m({ ['k'.repeat(40)]: 'v'.repeat(500) })).toEqual({ ['k'.repeat(40)]: 'v'.repeat(500) });
  });

  it('refuses a 51st key, a 41-character key and a 501-character value', () => {
    const s = hash({ metadata: metadata() });
    expect(refusal(s, { metadata: keys(51) })).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'metadata' });
    expect(refusal(s, { metadata: keys(51) }).message).toContain('50');
    const longKey = 'k'.repeat(41);
    const e = refusal(s, { metadata: { [longKey]: 'v' } });
    expect(e.param).toBe(`metadata[${longKey}]`);
    expect(e.message).toContain('40');
    const v = refusal(s, { metadata: { note: 'v'.repeat(501) } });
    expect(v.param).toBe('metadata[note]');
    expect(v.message).toContain('500');
  });

  it("takes '' as unset-all and keeps '' values for unsetting keys", () => {
    expect(m('')).toBeNull();
    expect(m({ a: '' })).toEqual({ a: '' });
  });

  it('refuses nested hashes inside metadata', () => {
    expect(refusal(hash({ metadata: metadata() }), { metadata: { a: { b: 'c' } } }).param).toBe('metadata[a]');
  });
});

describe('mergeMetadata', () => {
  it("sets new keys, replaces existing ones and unsets keys given ''", () => {
    expect(mergeMetadata({ a: '1', b: '2' }, { b: '', c: '3', a: 'x' })).toEqual({ a: 'x', c: '3' });
  });

  it('leaves metadata alone when none is given, and clears it all for null', () => {
    const current = { a: '1' };
    expect(mergeMetadata(current, undefined)).toEqual({ a: '1' });
    expect(mergeMetadata(current, null)).toEqual({});
    expect(current).toEqual({ a: '1' });
  });

  it('refuses an update that would leave more than 50 keys', () => {
    const current = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`old_${i}`, 'v']));
    const update = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`new_${i}`, 'v']));
    expect(() => mergeMetadata(current, update)).toThrow(StripeApiError);
    // Unsetting in the same update makes room.
    expect(Object.keys(mergeMetadata(current, { ...update, old_0: '' }))).toHaveLength(50);
  });
});

describe('paramName', () => {
  it('writes a path in bracket notation', () => {
    expect(paramName(['metadata'])).toBe('metadata');
    expect(paramName(['individual', 'address', 'city'])).toBe('individual[address][city]');
    expect(paramName(['items', 0, 'price'])).toBe('items[0][price]');
  });
});
