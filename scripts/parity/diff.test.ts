// The parity diff and its report, on two recorded runs that differ: equal steps, a status and an
// error code that differ, a field on one side only, a value that differs, a step the emulator
// alone ran; and the report of a run without Stripe.
import { describe, expect, it } from 'vitest';
import { diffRuns, summarize } from './diff';
import { toJson, toMarkdown } from './report';
import type { RunRecord, StepRecord } from './types';

const ok = (name: string, values: StepRecord['values'], fields = Object.keys(values)): StepRecord => ({ name, status: 200, error: null, fields, values, expected: 'ok' });
const refused = (name: string, status: number, code: string | null, param: string | null): StepRecord => ({
  name,
  status,
  error: { type: 'invalid_request_error', code, param, message: 'words' },
  fields: [],
  values: {},
  expected: 'error',
});
const run = (target: RunRecord['target'], steps: StepRecord[], error: string | null = null): RunRecord => ({
  target,
  base: target === 'emulator' ? 'http://127.0.0.1:1' : 'https://api.stripe.com',
  apiVersion: '2026-10-28.endive',
  sdkVersion: '23.1.0',
  startedAt: '2026-11-27T10:00:00.000Z',
  scenarios: [{ name: 'transfers', steps, error }],
});

const emulator = run('emulator', [
  ok('create', { id: 'tr_<id>', amount: 5000, created: '<time>' }),
  ok('retrieve', { id: 'tr_<id>', reversed: false, source_type: 'card' }),
  refused('reverse too much', 400, 'transfer_already_reversed', 'amount'),
  refused('retrieve a missing one', 404, 'resource_missing', 'id'),
  ok('list', { object: 'list' }),
]);
const stripe = run('stripe', [
  ok('create', { id: 'tr_<id>', amount: 5000, created: '<time>' }),
  ok('retrieve', { id: 'tr_<id>', reversed: true, destination_payment: 'py_<id>' }),
  refused('reverse too much', 400, 'amount_too_large', 'amount'),
  refused('retrieve a missing one', 403, 'resource_missing', 'id'),
]);

describe('diffRuns', () => {
  const [scenario] = diffRuns(emulator, stripe);
  const step = (name: string) => scenario.steps.find((s) => s.step === name)!;

  it('calls steps with the same status, error, fields and values equal', () => {
    expect(step('create')).toMatchObject({ outcome: 'equal', differences: [] });
  });

  it('lists a value that differs and a field on one side only, with both sides', () => {
    expect(step('retrieve').outcome).toBe('different');
    expect(step('retrieve').differences).toEqual(
      expect.arrayContaining([
        { what: 'reversed', emulator: false, stripe: true },
        { what: 'fields', emulator: 'source_type', stripe: undefined },
        { what: 'fields', emulator: undefined, stripe: 'destination_payment' },
      ]),
    );
  });

  it("compares Stripe's error code and the status", () => {
    expect(step('reverse too much').differences).toEqual([{ what: 'error.code', emulator: 'transfer_already_reversed', stripe: 'amount_too_large' }]);
    expect(step('retrieve a missing one').differences).toEqual([{ what: 'status', emulator: 404, stripe: 403 }]);
  });

  it('marks a step only the emulator ran', () => {
    expect(step('list')).toMatchObject({ outcome: 'emulator only', stripe: null });
    expect(summarize([scenario])).toEqual({ equal: 1, different: 3, 'emulator only': 1, 'stripe only': 0 });
  });

  it('without a Stripe run, every step is emulator only', () => {
    expect(summarize(diffRuns(emulator, null))).toEqual({ equal: 0, different: 0, 'emulator only': 5, 'stripe only': 0 });
  });
});

describe('an either step refused for an unknown parameter', () => {
  const unknownParam = (name: string, param: string): StepRecord => ({
    name,
    status: 400,
    error: { type: 'invalid_request_error', code: 'parameter_unknown', param, message: `Received unknown parameter: ${param}` },
    fields: [],
    values: {},
    expected: 'either',
  });
  const either = (step: StepRecord): StepRecord => ({ ...step, expected: 'either' });
  const diffOne = (e: StepRecord, s: StepRecord) => diffRuns(run('emulator', [e]), run('stripe', [s]))[0].steps[0];

  it('is a difference when the emulator alone refuses it, though the other answer is a success or another error', () => {
    expect(diffOne(unknownParam('try', 'nickname'), either(ok('try', {}))).differences).toContainEqual({ what: 'unknown parameter', emulator: 'nickname', stripe: null });
    const other = either(refused('try', 400, 'parameter_unknown', 'nickname'));
    expect(diffOne(either(refused('try', 400, 'account_invalid', null)), other)).toMatchObject({ outcome: 'different' });
  });

  it('is a difference when Stripe alone refuses it', () => {
    expect(diffOne(either(ok('try', {})), unknownParam('try', 'nickname')).differences).toContainEqual({ what: 'unknown parameter', emulator: null, stripe: 'nickname' });
  });

  it('is a difference even when both sides refuse the same parameter the same way', () => {
    const step = diffOne(unknownParam('try', 'nickname'), unknownParam('try', 'nickname'));
    expect(step.outcome).toBe('different');
    expect(step.differences).toEqual([{ what: 'unknown parameter', emulator: 'nickname', stripe: 'nickname' }]);
  });

  it('recognizes an invalid request saying so without the code', () => {
    const worded = either({ ...refused('try', 400, null, null), error: { type: 'invalid_request_error', code: null, param: null, message: 'Received unknown parameter: foo[bar]' } });
    expect(diffOne(worded, worded).outcome).toBe('different');
  });

  it('leaves other either steps and refused steps compared as before', () => {
    expect(diffOne(either(refused('try', 400, 'account_invalid', null)), either(refused('try', 400, 'account_invalid', null))).outcome).toBe('equal');
    const expectedRefusal = { ...unknownParam('try', 'nickname'), expected: 'error' as const };
    expect(diffOne(expectedRefusal, expectedRefusal).outcome).toBe('equal');
  });
});

describe('the report', () => {
  it('Markdown: the summary, each step with both answers and its outcome, and each difference with both values', () => {
    const md = toMarkdown({ emulator, stripe, diff: diffRuns(emulator, stripe) });
    expect(md).toContain('- Stripe test mode: https://api.stripe.com');
    expect(md).toContain('Steps: 1 equal, 3 different, 1 emulator only, 0 Stripe only.');
    expect(md).toContain('| transfers | 5 | 1 | 3 | 1 | no |');
    expect(md).toContain('| 1 | create | 200 | 200 | equal |');
    expect(md).toContain('| 3 | reverse too much | 400 invalid_request_error / transfer_already_reversed / amount | 400 invalid_request_error / amount_too_large / amount | different |');
    expect(md).toContain('| 5 | list | 200 | — | emulator only |');
    expect(md).toContain('- `reversed`: emulator `false`, Stripe `true`');
    expect(md).toContain('- field `source_type`: emulator only');
    expect(md).toContain('- field `destination_payment`: Stripe only');
    expect(md).toContain('- `error.code`: emulator `"transfer_already_reversed"`, Stripe `"amount_too_large"`');
  });

  it('says plainly when Stripe was not run, and names a scenario that stopped', () => {
    const stopped = run('emulator', [ok('create', { id: 'tr_<id>' })], 'step "retrieve" was refused: 404');
    const md = toMarkdown({ emulator: stopped, stripe: null, diff: diffRuns(stopped, null) });
    expect(md).toContain('**Stripe: not run** (no `STRIPE_PARITY_KEY`)');
    expect(md).toContain('**Stopped on the emulator:** step "retrieve" was refused: 404');
    expect(md).toContain('| transfers | 1 | 0 | 0 | 1 | emulator |');
  });

  it('JSON: the summary, both runs and the diff', () => {
    const json = JSON.parse(toJson({ emulator, stripe, diff: diffRuns(emulator, stripe) })) as Record<string, unknown>;
    expect(json.summary).toEqual({ equal: 1, different: 3, 'emulator only': 1, 'stripe only': 0 });
    expect(Object.keys(json)).toEqual(['summary', 'emulator', 'stripe', 'diff']);
    const steps = (json.diff as { steps: Record<string, unknown>[] }[])[0].steps;
    expect(steps.map((s) => s.outcome)).toEqual(['equal', 'different', 'different', 'different', 'emulator only']);
    expect(steps[2]).toEqual({ step: 'reverse too much', outcome: 'different', differences: [{ what: 'error.code', emulator: 'transfer_already_reversed', stripe: 'amount_too_large' }] });
  });
});
