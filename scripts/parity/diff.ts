// Compares the emulator's run with Stripe's, step by step (steps are matched by scenario and name):
// the status, Stripe's error type, code and param, the field set, and the values of the fields
// both answers have. Without a Stripe run every step is "emulator only". A step marked `either`
// never hides a refused unknown parameter: that is always a difference, even when both sides agree.
import type { Difference, Json, RunRecord, ScenarioDiff, StepDiff, StepRecord } from './types';

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether an error refuses a parameter as unknown (`parameter_unknown`, or an invalid request
 * saying so): the scenario sent what the backend does not take, which an `either` step must not hide.
 */
export function refusesUnknownParameter(error: StepRecord['error']): boolean {
  if (!error) return false;
  return error.code === 'parameter_unknown' || (error.type === 'invalid_request_error' && /unknown parameter/i.test(error.message));
}

export function diffSteps(emulator: StepRecord, stripe: StepRecord): Difference[] {
  const out: Difference[] = [];
  if ((emulator.expected === 'either' || stripe.expected === 'either') && (refusesUnknownParameter(emulator.error) || refusesUnknownParameter(stripe.error))) {
    const unknown = (s: StepRecord) => (refusesUnknownParameter(s.error) ? (s.error?.param ?? s.error?.message ?? null) : null);
    out.push({ what: 'unknown parameter', emulator: unknown(emulator), stripe: unknown(stripe) });
  }
  if (emulator.status !== stripe.status) out.push({ what: 'status', emulator: emulator.status, stripe: stripe.status });
  for (const key of ['type', 'code', 'param'] as const) {
    const e = emulator.error?.[key] ?? null;
    const s = stripe.error?.[key] ?? null;
    if (e !== s) out.push({ what: `error.${key}`, emulator: e, stripe: s });
  }
  const stripeFields = new Set(stripe.fields);
  const emulatorFields = new Set(emulator.fields);
  for (const f of emulator.fields) if (!stripeFields.has(f)) out.push({ what: 'fields', emulator: f, stripe: undefined });
  for (const f of stripe.fields) if (!emulatorFields.has(f)) out.push({ what: 'fields', emulator: undefined, stripe: f });
  for (const [path, value] of Object.entries(emulator.values)) {
    if (path in stripe.values && !same(value, stripe.values[path])) out.push({ what: path, emulator: value, stripe: stripe.values[path] });
  }
  return out;
}

export function diffRuns(emulator: RunRecord, stripe: RunRecord | null): ScenarioDiff[] {
  const names = [...new Set([...emulator.scenarios.map((s) => s.name), ...(stripe?.scenarios.map((s) => s.name) ?? [])])];
  return names.map((name) => {
    const e = emulator.scenarios.find((s) => s.name === name);
    const s = stripe?.scenarios.find((x) => x.name === name);
    const stepNames = [...new Set([...(e?.steps.map((x) => x.name) ?? []), ...(s?.steps.map((x) => x.name) ?? [])])];
    const steps: StepDiff[] = stepNames.map((step) => {
      const es = e?.steps.find((x) => x.name === step) ?? null;
      const ss = s?.steps.find((x) => x.name === step) ?? null;
      if (es && ss) {
        const differences = diffSteps(es, ss);
        return { step, outcome: differences.length === 0 ? 'equal' : 'different', differences, emulator: es, stripe: ss };
      }
      return { step, outcome: es ? 'emulator only' : 'stripe only', differences: [], emulator: es, stripe: ss };
    });
    return { scenario: name, steps, emulatorError: e?.error ?? null, stripeError: s?.error ?? null };
  });
}

/** Counts of each outcome over every step. */
export function summarize(diff: readonly ScenarioDiff[]): Record<StepDiff['outcome'], number> {
  const counts = { equal: 0, different: 0, 'emulator only': 0, 'stripe only': 0 };
  for (const s of diff) for (const step of s.steps) counts[step.outcome]++;
  return counts;
}
