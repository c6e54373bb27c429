// Unit tests for the scale seed's parameter check by field and shape: every input is answered as
// its full parse would answer it (keys in the schema's order), only the first value of each shape
// and one input in N are parsed, and what the API would refuse, or a shortcut that would be
// wrong, stops the seed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StripeApiError } from '../core/errors';
import { emptyableHash, hash, int, parseSdkParams, str, unsettableStr } from '../core/params';
import { parseByShape } from './shape-check';

const schema = hash({ name: str({ max: 10 }), age: int().optional(), nick: unsettableStr().optional(), tags: hash({ a: str(), b: str().optional() }).optional() });

describe('parseByShape', () => {
  it('answers every input as its full parse does, keys in the parse’s order, parsing each shape once and one input in N', () => {
    const parse = parseByShape(5);
    const inputs = Array.from({ length: 40 }, (_, i) => (i % 2 ? { tags: { b: 'x', a: `t${i}` }, name: `n${i}`, age: i } : { age: i, name: `m${i}` }));
    for (const input of inputs) expect(JSON.stringify(parse(schema, input))).toBe(JSON.stringify(parseSdkParams(schema, input)));
    // 8 inputs parsed whole; besides, the first value of each field's shape (name, age, tags.a, tags.b).
    expect(parse.stats.taken).toBe(32);
    expect(parse.stats.parsed).toBeLessThanOrEqual(8 + 4);
  });

  it('parses every time a value whose parse changes it', () => {
    const parse = parseByShape(100);
    for (let i = 0; i < 10; i++) expect(parse(schema, { name: 'a', nick: '' })).toEqual({ name: 'a', nick: null });
    expect(parse.stats.parsed).toBe(1 + 10);
  });

  it('refuses as a request would: a sampled bad value, an unknown field, a required field missing', () => {
    const parse = parseByShape(2);
    parse(schema, { name: 'short' });
    // The second input is parsed whole: too long for `name`.
    expect(() => parse(schema, { name: 'far too long a name' })).toThrow(StripeApiError);
    // Not sampled (one in 100), still refused.
    const rarely = parseByShape(100);
    expect(() => rarely(schema, { name: 'x', colour: 'red' })).toThrow(StripeApiError);
    expect(() => rarely(schema, { age: 3 })).toThrow(StripeApiError);
  });

  it('puts the keys of a value taken as it is in the order its schema answers them', () => {
    const parse = parseByShape(100);
    const withAddress = hash({ address: emptyableHash({ line1: str(), city: str().optional() }) });
    for (const n of [1, 2, 3]) expect(JSON.stringify(parse(withAddress, { address: { city: `C${n}`, line1: `${n} Main St` } }))).toBe(JSON.stringify({ address: { line1: `${n} Main St`, city: `C${n}` } }));
    expect(parse.stats.parsed).toBe(1);
  });

  it('stops when a sampled input shows the shortcut would have been wrong', () => {
    // A schema that changes some values only (lower case): 'usd' parses to itself, 'GBP' does not.
    const parse = parseByShape(4);
    const currency = hash({ c: z.string().transform((c) => c.toLowerCase()) });
    for (const c of ['usd', 'eur', 'jpy']) parse(currency, { c });
    expect(() => parse(currency, { c: 'GBP' })).toThrow(/otherwise than its parse/);
  });
});
