// What a parity scenario is: a name and a sequence of SDK calls, each made through the context so
// that it is recorded. Scenarios make their own objects (no demo data) and clean up after them.
import type Stripe from 'stripe';

export interface StepOptions {
  /** `fields`: compare the answer's field set only (values that depend on the backend's other data). */
  compare?: 'all' | 'fields';
}

export interface ScenarioContext {
  stripe: Stripe;
  /** Unique to this run (for metadata), the same on both backends of one run. */
  runId: string;
  /** A step that should succeed; its answer is recorded and returned. */
  call<T>(name: string, call: () => Promise<T>, opts?: StepOptions): Promise<T>;
  /** A step Stripe should refuse; its error is recorded and returned. */
  refused(name: string, call: () => Promise<unknown>, opts?: StepOptions): Promise<Stripe.errors.StripeError>;
  /** A step whose outcome is not certain on Stripe (either is recorded, neither stops the scenario). */
  either(name: string, call: () => Promise<unknown>, opts?: StepOptions): Promise<void>;
  /** Runs after the scenario, even a stopped one (deletes what it made); not recorded. */
  cleanup(fn: () => Promise<unknown>): void;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}
