// Unit tests for the scale seed's parameter check by shape: the first input of each shape and one
// in N after are parsed in full; the others answer what their parse would have (keys in the
// schema's order), and a sampled input that breaks the shortcut stops the seed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StripeApiError } from '../core/errors';
import { hash, int, parseSdkParams, str, unsettableStr } from '../core/params';
import { parseByShape } from './shape-check';

const schema = hash({ name: str({ max: 10 }), age: int().optional(), nick: unsettableStr().optional(), tags: hash({ a: str(), b: str().optional() }).optional() });

describe('parseByShape', () => {
  it('answers every input as its full parse does, keys in the parse’s order, parsing each shape once and one in N after', () => {
    const parse = parseByShape(5);
    const inputs = Array.from({ length: 40 }, (_, i) => (i % 2 ? { tags: { b: 'x', a: `t${i}` }, name: `n${i}`, age: i } : { age: i, name: `m${i}` }));
    for (const input of inputs) {
      const got = parse(schema, input);
      const want = parseSdkParams(schema, input);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    }
    // Two shapes of 20 inputs: each parsed the first time, then one in five of the other 19 (3).
    expect(parse.stats).toEqual({ parsed: 2 + 2 * 3, taken: 40 - 8 });
  });

  it('parses every time a shape whose parse changes its values', () => {
    const parse = parseByShape(5);
    for (let i = 0; i < 10; i++) expect(parse(schema, { name: 'a', nick: '' })).toEqual({ name: 'a', nick: null });
    expect(parse.stats.taken).toBe(0);
  });

  it('refuses a sampled input as a request would be refused, and stops when the shortcut would have been wrong', () => {
    const parse = parseByShape(2);
    parse(schema, { name: 'short' });
    parse(schema, { name: 'also' });
    // The next of the shape is sampled: too long for `name`, the 400 a request would get.
    expect(() => parse(schema, { name: 'far too long a name' })).toThrow(StripeApiError);
    // A schema that changes some values only (lower case): the shortcut holds for the first two, not for the sampled third.
    const lower = parseByShape(2);
    const currency = hash({ c: z.string().transform((c) => c.toLowerCase()) });
    lower(currency, { c: 'usd' });
    lower(currency, { c: 'eur' });
    expect(() => lower(currency, { c: 'GBP' })).toThrow(/parsed to other than itself/);
  });
});
