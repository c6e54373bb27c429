// Fault injection: latency, injected errors (500/503/429), lost responses and refused connections
// (the backend unreachable), for API requests only
// (the control API under /_emulator/ is never faulted). Rules come from the environment at start
// (see faultEnvRules) and from the control API at run time (POST/GET/DELETE /_emulator/faults).
// Randomness for rates and jitter comes from a seeded generator when a seed is given, so that a
// run can be replayed; a rate of exactly 0 or 1 never draws from it.
import { z } from 'zod';
import { StripeApiError, invalidRequest } from './core/errors';
import { compilePattern, RuleList, seededRandom, type LiveRule as RuleLiveRule } from './rule-list';

export type FaultKind = 'latency' | 'error' | 'lost_response' | 'unreachable';
export type FaultMethod = 'GET' | 'POST' | 'DELETE';
export type ErrorStatus = 500 | 503 | 429;

/** A rule as listed by GET /_emulator/faults. */
export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** Path pattern: `*` matches any characters (slashes included), `:name` one path segment. */
  path: string;
  /** Only requests with this method; null for any. */
  method: FaultMethod | null;
  /** Chance (0..1) that a matching request is faulted. */
  rate: number;
  /** How many more times the fault is injected before the rule retires; null for no limit. */
  remaining: number | null;
  /** How many times this rule has been injected. */
  hits: number;
  /** Where the rule came from: the environment at start, or the control API. */
  source: 'env' | 'api';
  /** latency: fixed delay plus a uniform extra in [0, jitter_ms]. */
  ms?: number;
  jitter_ms?: number;
  /** error: the answer's status, and an optional message in place of the default. */
  status?: ErrorStatus;
  message?: string;
}

/** What the request log records about a fault injected into one request. */
export interface FaultHit {
  rule: string;
  kind: FaultKind;
  /** latency: the delay added. */
  delay_ms?: number;
  /** error: the status answered. */
  status?: number;
  /** lost_response: what happened, and the status of the answer that was never sent. */
  note?: string;
  withheld_status?: number;
}

/** The decision for one API request: latency is already waited out when this is returned. */
export interface FaultPlan {
  hits: FaultHit[];
  /** Answer this instead of running the request. */
  error: StripeApiError | null;
  /** Run the request, then drop the connection without an answer. */
  drop: FaultHit | null;
  /** Close the connection at once without reading or running the request (as if down). */
  refuse: FaultHit | null;
}

// ---- Validation (control API bodies and the environment) -------------------------------------

const methodSchema = z
  .string()
  .transform((m) => m.toUpperCase())
  .pipe(z.enum(['GET', 'POST', 'DELETE', '*'], { error: 'must be GET, POST, DELETE or *' }));

const pathSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => p.startsWith('/') || p.startsWith('*'), 'must start with / or * (e.g. "/v1/accounts*")')
  .refine((p) => !p.includes('?'), 'matches the path only: leave out the query string');

const common = {
  path: pathSchema.default('*'),
  rate: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
  count: z.number().int().min(1, 'must be a positive integer (leave it out for no limit)').nullable().optional(),
};

const latencySchema = z.strictObject({
  ms: z.number().int().min(0).max(60_000, 'must be at most 60000'),
  jitter_ms: z.number().int().min(0).max(60_000, 'must be at most 60000').default(0),
  method: methodSchema.optional(),
  ...common,
});

const errorSchema = z.strictObject({
  status: z.union([z.literal(500), z.literal(503), z.literal(429)], { error: 'must be 500, 503 or 429' }).default(500),
  message: z.string().min(1).max(500).optional(),
  method: methodSchema.optional(),
  ...common,
});

const lostSchema = z.strictObject({
  method: methodSchema.default('POST'),
  ...common,
  count: common.count.default(1),
});

const unreachableSchema = z.strictObject({
  method: methodSchema.optional(),
  ...common,
});

/** The body of POST /_emulator/faults: one rule of each kind at most, at least one in all. */
export const faultRequestSchema = z
  .strictObject({
    latency: latencySchema.optional(),
    error: errorSchema.optional(),
    lost_response: lostSchema.optional(),
    unreachable: unreachableSchema.optional(),
  })
  .refine((b) => b.latency || b.error || b.lost_response || b.unreachable, 'give at least one of "latency", "error", "lost_response" or "unreachable"');

export type FaultRequest = z.input<typeof faultRequestSchema>;

/** A number from an environment variable: unset or '' is undefined. */
export const envNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), schema.optional());

/** The fault variables of the environment (merged into main.ts's schema). */
export const faultEnvShape = {
  EMULATOR_LATENCY_MS: envNumber(z.number({ error: 'must be a number' }).int().min(0).max(60_000)),
  EMULATOR_LATENCY_JITTER_MS: envNumber(z.number({ error: 'must be a number' }).int().min(0).max(60_000)),
  EMULATOR_ERROR_RATE: envNumber(z.number({ error: 'must be a number' }).min(0).max(1)),
  EMULATOR_ERROR_STATUS: envNumber(
    z
      .number({ error: 'must be 500, 503 or 429' })
      .refine((s) => s === 500 || s === 503 || s === 429, 'must be 500, 503 or 429'),
  ),
  EMULATOR_FAULT_PATH: pathSchema.optional(),
  EMULATOR_FAULT_METHOD: z.preprocess((v) => (v === '' ? undefined : v), methodSchema.optional()),
  EMULATOR_FAULT_SEED: z.string().min(1).optional(),
};

export const faultEnvSchema = z.object(faultEnvShape);
export type FaultEnv = z.output<typeof faultEnvSchema>;

/** The start rules the environment asks for (none when no fault variable is set). */
export function faultEnvRules(env: FaultEnv): FaultRequest[] {
  const scope = { path: env.EMULATOR_FAULT_PATH ?? '*', ...(env.EMULATOR_FAULT_METHOD ? { method: env.EMULATOR_FAULT_METHOD } : {}) };
  const rules: FaultRequest[] = [];
  if (env.EMULATOR_LATENCY_MS !== undefined || env.EMULATOR_LATENCY_JITTER_MS !== undefined) {
    rules.push({ latency: { ms: env.EMULATOR_LATENCY_MS ?? 0, jitter_ms: env.EMULATOR_LATENCY_JITTER_MS ?? 0, ...scope } });
  }
  if (env.EMULATOR_ERROR_RATE !== undefined && env.EMULATOR_ERROR_RATE > 0) {
    rules.push({ error: { rate: env.EMULATOR_ERROR_RATE, status: (env.EMULATOR_ERROR_STATUS ?? 500) as ErrorStatus, ...scope } });
  }
  return rules;
}

/** A readable one-line account of zod's issues: `latency.ms: Too small: expected number to be >=0`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

type LiveRule = RuleLiveRule<FaultRule>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function injectedError(rule: FaultRule): StripeApiError {
  const note = `(injected by the emulator's fault rule ${rule.id})`;
  if (rule.status === 429) {
    return new StripeApiError(429, {
      type: 'invalid_request_error',
      code: 'rate_limit',
      message: rule.message ?? `Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits. ${note}`,
    });
  }
  return new StripeApiError(rule.status ?? 500, {
    type: 'api_error',
    message: rule.message ?? `An unknown error occurred ${note}`,
  });
}

export interface FaultInjectorOptions {
  /** Seed for rates and jitter; without one, Math.random. */
  seed?: string | number;
  /** Rules installed at start (and again on reset). */
  initial?: FaultRequest[];
}

export class FaultInjector {
  private readonly rules = new RuleList<FaultRule>({
    prefix: 'flt',
    path: '/_emulator/faults',
    noun: 'fault rule',
    example: '{"latency":{"ms":200,"jitter_ms":50,"path":"/v1/accounts*"}}',
  });
  private random: () => number = Math.random;

  constructor(private readonly opts: FaultInjectorOptions = {}) {
    this.reset();
  }

  /** Back to the start: run-time rules dropped, start rules reinstalled, the generator reseeded. */
  reset(): void {
    this.rules.restart();
    this.random = this.opts.seed === undefined ? Math.random : seededRandom(this.opts.seed);
    for (const r of this.opts.initial ?? []) this.add(r, 'env');
  }

  /** Drops every rule, start rules included. */
  clear(): void {
    this.rules.clear();
  }

  /** Validates and installs rules; throws a 400 with the reasons on bad input. */
  add(input: unknown, source: 'env' | 'api' = 'api'): FaultRule[] {
    const parsed = faultRequestSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(`Invalid fault rule: ${describeIssues(parsed.error)}`);
    const b = parsed.data;
    const made: LiveRule[] = [];
    const base = (kind: FaultKind, r: { path: string; rate: number; count?: number | null; method?: string }): LiveRule => ({
      id: this.rules.newId(),
      kind,
      path: r.path,
      method: r.method && r.method !== '*' ? (r.method as FaultMethod) : null,
      rate: r.rate,
      remaining: r.count ?? null,
      hits: 0,
      source,
      regex: compilePattern(r.path),
    });
    if (b.latency) made.push({ ...base('latency', b.latency), ms: b.latency.ms, jitter_ms: b.latency.jitter_ms });
    if (b.error) made.push({ ...base('error', b.error), status: b.error.status, ...(b.error.message ? { message: b.error.message } : {}) });
    if (b.lost_response) made.push(base('lost_response', b.lost_response));
    if (b.unreachable) made.push(base('unreachable', b.unreachable));
    this.rules.push(...made);
    return made.map(({ regex: _regex, ...rule }) => rule);
  }

  remove(id: string): boolean {
    return this.rules.remove(id);
  }

  list(): FaultRule[] {
    return this.rules.list();
  }

  get active(): boolean {
    return this.rules.size > 0;
  }

  /** Whether a matching rule fires now (consuming one of its count if so). */
  private fires(rule: LiveRule): boolean {
    return this.rules.fires(rule, this.random);
  }

  /**
   * Decides the faults for one API request, without waiting: a matching unreachable rule that fires
   * refuses the connection before anything else; else every matching latency rule adds its delay;
   * then the first matching error rule that fires answers instead of the request; failing that, the
   * first matching lost_response rule that fires drops the answer after the request runs.
   */
  decide(method: string, path: string): { plan: FaultPlan; delayMs: number } | null {
    if (this.rules.size === 0) return null;
    const matching = this.rules.all().filter((r) => (r.method === null || r.method === method) && r.regex.test(path));
    if (matching.length === 0) return null;
    const plan: FaultPlan = { hits: [], error: null, drop: null, refuse: null };
    const down = matching.find((r) => r.kind === 'unreachable' && this.fires(r));
    if (down) {
      plan.refuse = { rule: down.id, kind: 'unreachable', note: 'the connection was closed before the request was read: nothing was applied' };
      plan.hits.push(plan.refuse);
      return { plan, delayMs: 0 };
    }
    let delayMs = 0;
    for (const r of matching) {
      if (r.kind !== 'latency' || !this.fires(r)) continue;
      const jitter = r.jitter_ms ? Math.round(this.random() * r.jitter_ms) : 0;
      const delay = (r.ms ?? 0) + jitter;
      delayMs += delay;
      plan.hits.push({ rule: r.id, kind: 'latency', delay_ms: delay });
    }
    const err = matching.find((r) => r.kind === 'error' && this.fires(r));
    if (err) {
      plan.error = injectedError(err);
      plan.hits.push({ rule: err.id, kind: 'error', status: err.status ?? 500 });
    } else {
      const lost = matching.find((r) => r.kind === 'lost_response' && this.fires(r));
      if (lost) {
        plan.drop = { rule: lost.id, kind: 'lost_response', note: 'the request was applied, then its connection was dropped without an answer' };
        plan.hits.push(plan.drop);
      }
    }
    return plan.hits.length ? { plan, delayMs } : null;
  }

  /** decide(), then waits out the latency. Null when no fault applies (the fast path). */
  async before(method: string, path: string): Promise<FaultPlan | null> {
    const d = this.decide(method, path);
    if (!d) return null;
    if (d.delayMs > 0) await sleep(d.delayMs);
    return d.plan;
  }

  /**
   * The control API under /_emulator/faults (the caller checks loopback and reads the body):
   * GET lists, POST adds (JSON), DELETE clears all, DELETE /_emulator/faults/:id removes one.
   * Null when the path is not this API's.
   */
  control(method: string, pathname: string, rawBody: string): { status: number; body: string } | null {
    return this.rules.control(method, pathname, rawBody, (input) => this.add(input, 'api'), this.opts.seed !== undefined);
  }
}
