// Unit tests for the form decoder: Stripe's bracket notation as its SDKs and curl send it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeForm, FormSyntaxError, parseForm, splitKey, type FormObject } from './form';

function syntaxError(input: string): FormSyntaxError {
  try {
    parseForm(input);
  } catch (e) {
    if (e instanceof FormSyntaxError) return e;
    throw e;
  }
  throw new Error(`parseForm(${JSON.stringify(input)}) did not throw`);
}

describe('splitKey', () => {
  it('splits bracketed keys into their parts', () => {
    expect(splitKey('email')).toEqual(['email']);
    expect(splitKey('metadata[order]')).toEqual(['metadata', 'order']);
    expect(splitKey('a[b][0][]')).toEqual(['a', 'b', '0', '']);
  });

  it('refuses unbalanced or headless keys', () => {
    expect(splitKey('a[b')).toBeNull();
    expect(splitKey('a[b]c')).toBeNull();
    expect(splitKey('a[b[c]]')).toBeNull();
    expect(splitKey('[a]')).toBeNull();
  });
});

describe('parseForm', () => {
  it('reads flat pairs as strings', () => {
    expect(parseForm('type=custom&country=US&limit=3')).toEqual({ type: 'custom', country: 'US', limit: '3' });
  });

  it('answers an empty input with an empty object and skips empty pairs', () => {
    expect(parseForm('')).toEqual({});
    expect(parseForm('a=1&&b=2&')).toEqual({ a: '1', b: '2' });
  });

  it('nests hashes', () => {
    expect(parseForm('metadata[order]=42&metadata[team]=ops')).toEqual({ metadata: { order: '42', team: 'ops' } });
    expect(parseForm('individual[address][city]=Paris&individual[address][line1]=1%20Rue&individual[first_name]=Ana')).toEqual({
      individual: { address: { city: 'Paris', line1: '1 Rue' }, first_name: 'Ana' },
    });
  });

  it('builds arrays from [] in the order given', () => {
    expect(parseForm('expand[]=data.account&expand[]=data.customer')).toEqual({ expand: ['data.account', 'data.customer'] });
  });

  it('builds arrays from [n] ordered by index, not by position', () => {
    expect(parseForm('expand[1]=second&expand[0]=first&expand[2]=third')).toEqual({ expand: ['first', 'second', 'third'] });
    // Indices above 9 sort as numbers.
    const pairs = Array.from({ length: 12 }, (_, i) => `x[${11 - i}]=${11 - i}`).join('&');
    expect(parseForm(pairs)).toEqual({ x: Array.from({ length: 12 }, (_, i) => String(i)) });
  });

  it('builds arrays of hashes from [n][key] (what the SDK sends)', () => {
    expect(parseForm('items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2')).toEqual({
      items: [{ price: 'p1', quantity: '2' }, { price: 'p2' }],
    });
  });

  it('keeps empty values as empty strings (the request unsets them)', () => {
    expect(parseForm('metadata=')).toEqual({ metadata: '' });
    expect(parseForm('metadata[order]=&email=a%40b.co')).toEqual({ metadata: { order: '' }, email: 'a@b.co' });
    expect(parseForm('flag')).toEqual({ flag: '' });
  });

  it('decodes + as a space and percent escapes, in keys and values', () => {
    expect(parseForm('business_profile[name]=Ana+%26+Bo%27s+Shop')).toEqual({ business_profile: { name: "Ana & Bo's Shop" } });
    expect(parseForm('metadata%5Bnote%5D=caf%C3%A9%2B1')).toEqual({ metadata: { note: 'café+1' } });
    expect(parseForm('q=a%3Db%26c')).toEqual({ q: 'a=b&c' });
  });

  it('splits a pair at its first = only', () => {
    expect(parseForm('url=https://x.test/?a=b')).toEqual({ url: 'https://x.test/?a=b' });
  });

  it('refuses malformed keys, naming the key', () => {
    for (const key of ['a[b', 'a[b]c', '[a]', 'a]b[']) {
      const e = syntaxError(`${key}=1`);
      expect(e.param).toBe(key);
      expect(e.message).toContain(key);
    }
  });

  it('refuses malformed percent encoding', () => {
    const e = syntaxError('name=%E0%A4%A');
    expect(e.message).toMatch(/encoding/i);
    expect(() => parseForm('na%zzme=1')).toThrow(FormSyntaxError);
  });

  it('refuses a key given both as a value and as a hash, in either order', () => {
    expect(syntaxError('metadata=x&metadata[k]=v').param).toBe('metadata[k]');
    expect(syntaxError('metadata[k]=v&metadata=x').param).toBe('metadata');
  });

  it('parses what encodeForm writes back to the same value', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((k) => k !== '__proto__');
    const leaf = fc.string({ maxLength: 12 });
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (obj) => {
        expect(parseForm(encodeForm(obj as FormObject))).toEqual(obj);
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodeForm', () => {
  it('writes bracket notation with indexed arrays, as the SDK does', () => {
    expect(decodeURIComponent(encodeForm({ metadata: { a: '1' }, expand: ['x', 'y'] }))).toBe('metadata[a]=1&expand[0]=x&expand[1]=y');
  });

  it('percent-encodes reserved characters in values', () => {
    expect(encodeForm({ q: 'a&b=c d' })).toBe('q=a%26b%3Dc%20d');
  });
});
