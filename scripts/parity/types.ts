// The shapes a parity run records and compares: per scenario, per step, what came back.

/** A JSON value after normalization (ids, times and URLs replaced by placeholders). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Target = 'emulator' | 'stripe';

export interface StepRecord {
  /** What the step does, in words (also its identity within the scenario). */
  name: string;
  /** The HTTP status of the answer. */
  status: number;
  /** Stripe's error, when the answer is one: what is compared (the message is kept, not compared). */
  error: { type: string | null; code: string | null; param: string | null; message: string } | null;
  /** Every field path of the answer (`a.b`, `list[].c`). */
  fields: string[];
  /** Leaf values by path (`a.b`, `data[0].c`), normalized; empty when the step compares fields only. */
  values: Record<string, Json>;
  /** What the scenario expected: a success, a Stripe error, or either (not known for Stripe). */
  expected: 'ok' | 'error' | 'either';
}

export interface ScenarioRecord {
  name: string;
  steps: StepRecord[];
  /** Why the scenario stopped early: an unexpected outcome or a failure outside Stripe's answers. */
  error: string | null;
}

export interface RunRecord {
  target: Target;
  /** Where the run went: the emulator's loopback URL, or api.stripe.com. */
  base: string;
  apiVersion: string;
  sdkVersion: string;
  startedAt: string;
  scenarios: ScenarioRecord[];
}

export type StepOutcome = 'equal' | 'different' | 'emulator only' | 'stripe only';

export interface Difference {
  /** `status`, `error.code`, a field path (`requirements.disabled_reason`), or `fields` for a field present on one side only. */
  what: string;
  emulator: Json | undefined;
  stripe: Json | undefined;
}

export interface StepDiff {
  step: string;
  outcome: StepOutcome;
  differences: Difference[];
  emulator: StepRecord | null;
  stripe: StepRecord | null;
}

export interface ScenarioDiff {
  scenario: string;
  steps: StepDiff[];
  emulatorError: string | null;
  stripeError: string | null;
}
