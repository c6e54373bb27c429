// The rule list both kinds of fault share: ids, firing and retiring, and the control API.
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './core/errors';
import { compilePattern, RuleList, type LiveRule } from './rule-list';

type View = { id: string; pattern: string; rate: number; remaining: number | null; hits: number };

function make() {
  const list = new RuleList<View>({ prefix: 'tst', path: '/_emulator/things', noun: 'thing rule', example: '{"pattern":"*"}' });
  const add = (input: unknown): View[] => {
    const { pattern, count } = input as { pattern: string; count?: number };
    const rule: LiveRule<View> = { id: list.newId(), pattern, rate: 1, remaining: count ?? null, hits: 0, regex: compilePattern(pattern) };
    list.push(rule);
    return [{ id: rule.id, pattern, rate: 1, remaining: rule.remaining, hits: 0 }];
  };
  return { list, add };
}

const thrown = (fn: () => unknown): StripeApiError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StripeApiError) return e;
    throw e;
  }
  throw new Error('expected an error');
};

describe('RuleList', () => {
  it('numbers rules with its prefix and starts again on restart', () => {
    const { list, add } = make();
    expect(add({ pattern: '*' })[0].id).toBe('tst_1');
    expect(add({ pattern: '*' })[0].id).toBe('tst_2');
    list.restart();
    expect(list.size).toBe(0);
    expect(add({ pattern: '*' })[0].id).toBe('tst_1');
  });

  it('retires a rule once its count is used up, and lists rules without their pattern', () => {
    const { list, add } = make();
    add({ pattern: '/a', count: 2 });
    const [rule] = list.all();
    expect(list.fires(rule, Math.random)).toBe(true);
    expect(list.list()).toEqual([{ id: 'tst_1', pattern: '/a', rate: 1, remaining: 1, hits: 1 }]);
    expect(list.fires(rule, Math.random)).toBe(true);
    expect(list.size).toBe(0);
    expect(list.fires(rule, Math.random)).toBe(false);
  });

  it('answers its control API: list, add, one, delete one, clear', () => {
    const { list, add } = make();
    const body = (a: { body: string } | null) => JSON.parse(a!.body) as Record<string, unknown>;
    expect(body(list.control('POST', '/_emulator/things', '{"pattern":"/x"}', add, true)).data).toHaveLength(1);
    expect(body(list.control('GET', '/_emulator/things', '', add, true))).toMatchObject({ object: 'list', seeded: true, data: [{ id: 'tst_1' }] });
    expect(body(list.control('GET', '/_emulator/things/tst_1', '', add, true))).toMatchObject({ id: 'tst_1', pattern: '/x' });
    expect(body(list.control('DELETE', '/_emulator/things/tst_1', '', add, true))).toEqual({ id: 'tst_1', deleted: true });
    const missing = thrown(() => list.control('DELETE', '/_emulator/things/tst_1', '', add, true));
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/No such thing rule: 'tst_1'/);
    add({ pattern: '*' });
    add({ pattern: '*' });
    expect(body(list.control('DELETE', '/_emulator/things', '', add, true))).toEqual({ ok: true, removed: 2 });
    expect(list.control('GET', '/_emulator/other', '', add, true)).toBeNull();
    expect(list.control('GET', '/_emulator/things/a/b', '', add, true)).toBeNull();
    expect(thrown(() => list.control('POST', '/_emulator/things', 'not json', add, true)).message).toMatch(/must be JSON, e\.g\. \{"pattern":"\*"\}/);
  });
});
