// Unit tests for delivery fault rules: what each kind decides, matching by endpoint and event type,
// counts, seeded rates, validation, and the page's escaping.
import { describe, expect, it } from 'vitest';
import { StripeApiError } from '../core/errors';
import { escapeHtml } from './control';
import { DeliveryFaults } from './faults';

const kinds = (f: DeliveryFaults, endpoint: string, type: string) => f.decide(endpoint, type)?.hits.map((h) => h.kind) ?? [];

describe('DeliveryFaults.decide', () => {
  it('no rules: null (nothing to do)', () => {
    expect(new DeliveryFaults().decide('we_1', 'account.updated')).toBeNull();
  });

  it('each kind sets its part of the plan', () => {
    const f = new DeliveryFaults();
    f.add({ duplicate: {}, delay: { ms: 300 }, reorder: { window_ms: 200 }, drop_first: {} });
    expect(f.decide('we_1', 'account.updated')).toEqual({
      duplicate: true,
      delayMs: 300,
      reorder: { rule: 'whf_3', windowMs: 200 },
      dropFirst: true,
      hits: [
        { rule: 'whf_1', kind: 'duplicate' },
        { rule: 'whf_2', kind: 'delay', ms: 300 },
        { rule: 'whf_3', kind: 'reorder', ms: 200 },
        { rule: 'whf_4', kind: 'drop_first' },
      ],
    });
  });

  it('matches the endpoint and the event type pattern', () => {
    const f = new DeliveryFaults();
    f.add({ duplicate: { endpoint: 'we_A' }, drop_first: { event_type: 'account.*' } });
    expect(kinds(f, 'we_A', 'transfer.created')).toEqual(['duplicate']);
    expect(kinds(f, 'we_B', 'account.updated')).toEqual(['drop_first']);
    expect(kinds(f, 'we_B', 'account.external_account.created')).toEqual(['drop_first']);
    expect(kinds(f, 'we_B', 'capability.updated')).toEqual([]);
  });

  it('a count retires the rule; a second rule of the same kind is not drawn while one applies', () => {
    const f = new DeliveryFaults();
    f.add({ duplicate: { count: 2 } });
    f.add({ duplicate: { count: 1 } });
    expect(kinds(f, 'we_1', 'a')).toEqual(['duplicate']);
    expect(f.list().map((r) => [r.id, r.remaining])).toEqual([
      ['whf_1', 1],
      ['whf_2', 1],
    ]);
    kinds(f, 'we_1', 'a');
    expect(f.list().map((r) => r.id)).toEqual(['whf_2']);
    expect(kinds(f, 'we_1', 'a')).toEqual(['duplicate']);
    expect(kinds(f, 'we_1', 'a')).toEqual([]);
  });

  it('rates draw from the seed: the same seed gives the same decisions; reset reseeds', () => {
    const run = (seed: string) => {
      const f = new DeliveryFaults(seed);
      f.add({ duplicate: { rate: 0.5 } });
      return Array.from({ length: 40 }, () => kinds(f, 'we_1', 'x').length);
    };
    const a = run('demo');
    expect(run('demo')).toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(5);
    expect(a.filter(Boolean).length).toBeLessThan(35);
    expect(run('other')).not.toEqual(a);
    const f = new DeliveryFaults('demo');
    f.add({ duplicate: { rate: 0.5 } });
    const first = Array.from({ length: 10 }, () => kinds(f, 'we_1', 'x').length);
    f.reset();
    expect(f.list()).toEqual([]);
    f.add({ duplicate: { rate: 0.5 } });
    expect(Array.from({ length: 10 }, () => kinds(f, 'we_1', 'x').length)).toEqual(first);
  });

  it('refuses bad rules with every reason', () => {
    const f = new DeliveryFaults();
    const bad = (input: unknown) => {
      try {
        f.add(input);
      } catch (e) {
        expect(e).toBeInstanceOf(StripeApiError);
        return (e as StripeApiError).message;
      }
      throw new Error('expected a refusal');
    };
    expect(bad({})).toMatch(/give at least one of/);
    expect(bad({ delay: {} })).toMatch(/delay\.ms/);
    expect(bad({ reorder: { window_ms: 120_000 } })).toMatch(/reorder\.window_ms/);
    expect(bad({ duplicate: { endpoint: 'acct_1' } })).toMatch(/duplicate\.endpoint: must be a webhook endpoint id/);
    expect(bad({ drop_first: { event_type: 'Account Updated' } })).toMatch(/drop_first\.event_type/);
    expect(bad({ duplicate: { colour: 'red' } })).toMatch(/colour/);
  });
});

describe('escapeHtml', () => {
  it('escapes what could open a tag, an attribute or an entity', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });
});
