// Runs the scenarios against one backend with the SDK and records each step: the status, Stripe's
// error (type, code, param), and the answer's fields and normalized values. A step that does not
// come out as the scenario expects (a success where an error was expected, or the reverse), or a
// failure that is not Stripe's answer, stops that scenario and is its error. A step marked `either`
// that is refused for an unknown parameter stops it too: the scenario sent what the backend does not
// take, and `either` must not hide it (the diff counts it as a difference as well).
import Stripe from 'stripe';
import { refusesUnknownParameter } from './diff';
import { fieldPaths, leafValues, normalizeValue } from './normalize';
import type { Scenario, ScenarioContext, StepOptions } from './scenarios/types';
import type { RunRecord, ScenarioRecord, StepRecord, Target } from './types';

class ScenarioStop extends Error {}

function sdkVersion(): string {
  return Stripe.PACKAGE_VERSION;
}

function recordAnswer(name: string, answer: unknown, opts: StepOptions, expected: StepRecord['expected']): StepRecord {
  const normalized = normalizeValue(answer);
  const status = (answer as { lastResponse?: { statusCode?: number } } | null)?.lastResponse?.statusCode ?? 200;
  return { name, status, error: null, fields: fieldPaths(normalized), values: opts.compare === 'fields' ? {} : leafValues(normalized), expected };
}

function recordError(name: string, e: Stripe.errors.StripeError, expected: StepRecord['expected']): StepRecord {
  return {
    name,
    status: e.statusCode ?? 0,
    error: { type: e.rawType ?? null, code: e.code ?? null, param: e.param ?? null, message: e.message },
    fields: [],
    values: {},
    expected,
  };
}

async function runScenario(stripe: Stripe, scenario: Scenario, runId: string): Promise<ScenarioRecord> {
  const steps: StepRecord[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const attempt = async (name: string, call: () => Promise<unknown>, expected: 'ok' | 'error' | 'either', opts: StepOptions): Promise<unknown> => {
    try {
      const answer = await call();
      steps.push(recordAnswer(name, answer, opts, expected));
      if (expected === 'error') throw new ScenarioStop(`step "${name}" succeeded where Stripe refuses`);
      return answer;
    } catch (e) {
      if (e instanceof ScenarioStop) throw e;
      if (!(e instanceof Stripe.errors.StripeError) || e.statusCode === undefined) {
        throw new ScenarioStop(`step "${name}" failed outside Stripe's answers: ${e instanceof Error ? e.message : String(e)}`);
      }
      const step = recordError(name, e, expected);
      steps.push(step);
      if (expected === 'either' && refusesUnknownParameter(step.error)) {
        throw new ScenarioStop(`step "${name}" was refused for an unknown parameter (${e.param ?? '?'}): ${e.message}`);
      }
      if (expected === 'ok') throw new ScenarioStop(`step "${name}" was refused: ${e.statusCode} ${e.rawType ?? ''} ${e.code ?? ''} ${e.message}`);
      return e;
    }
  };
  const ctx: ScenarioContext = {
    stripe,
    runId,
    call: (name, call, opts = {}) => attempt(name, call, 'ok', opts) as never,
    refused: async (name, call, opts = {}) => (await attempt(name, call, 'error', opts)) as Stripe.errors.StripeError,
    either: async (name, call, opts = {}) => void (await attempt(name, call, 'either', opts)),
    cleanup: (fn) => void cleanups.push(fn),
  };
  let error: string | null = null;
  try {
    await scenario.run(ctx);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  // What the scenario made is removed again where Stripe allows it (not recorded, not compared).
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  return { name: scenario.name, steps, error };
}

/** One id for both backends' runs of one invocation, so that values made from it compare equal. */
export const newRunId = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);

export async function runScenarios(opts: {
  target: Target;
  stripe: Stripe;
  base: string;
  runId: string;
  scenarios: readonly Scenario[];
  log?: (line: string) => void;
}): Promise<RunRecord> {
  const record: RunRecord = { target: opts.target, base: opts.base, apiVersion: Stripe.API_VERSION, sdkVersion: sdkVersion(), startedAt: new Date().toISOString(), scenarios: [] };
  for (const scenario of opts.scenarios) {
    const result = await runScenario(opts.stripe, scenario, opts.runId);
    opts.log?.(`  ${opts.target}: ${scenario.name}: ${result.steps.length} steps${result.error ? `, STOPPED: ${result.error}` : ''}`);
    record.scenarios.push(result);
  }
  return record;
}
