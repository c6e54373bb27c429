// Delivery faults: make webhook deliveries misbehave on demand, the way Stripe's may (at least
// once, in no particular order), so a receiver can be tested against it. Rules, per endpoint and/or
// per event type, each with an optional rate and count (drawn like ../faults.ts, from the same
// seed):
//   duplicate   the delivery's first attempt is sent twice;
//   delay       the first attempt is held for `ms` before it is sent;
//   reorder     first attempts are held for `window_ms` from the first one held, then sent one
//               after another, the newest first;
//   drop_first  the first attempt is dropped (recorded, not sent) and retried by the backoff.
// A rule is decided once per delivery (event and endpoint), when the event is made; retries go
// out as usual. Control API: POST/GET/DELETE /_emulator/webhooks/faults[/:id].
import { z } from 'zod';
import { invalidRequest } from '../core/errors';
import { describeIssues } from '../faults';
import { compilePattern, RuleList, seededRandom, type LiveRule as RuleLiveRule } from '../rule-list';

export type DeliveryFaultKind = 'duplicate' | 'delay' | 'reorder' | 'drop_first';

export interface DeliveryFaultRule {
  id: string;
  kind: DeliveryFaultKind;
  /** Only deliveries to this endpoint; null for any. */
  endpoint: string | null;
  /** Event type pattern: `*` matches any characters (`account.*`). */
  event_type: string;
  rate: number;
  /** How many more deliveries it applies to before it retires; null for no limit. */
  remaining: number | null;
  hits: number;
  /** delay: how long the first attempt is held. */
  ms?: number;
  /** reorder: how long first attempts are gathered before they go out in reverse. */
  window_ms?: number;
}

/** A fault applied to an attempt, as the delivery log shows it. */
export interface DeliveryFaultHit {
  rule: string;
  kind: DeliveryFaultKind;
  ms?: number;
}

/** What the rules decided for one delivery. */
export interface DeliveryPlan {
  hits: DeliveryFaultHit[];
  duplicate: boolean;
  delayMs: number;
  /** The reorder rule gathering this delivery's first attempt. */
  reorder: { rule: string; windowMs: number } | null;
  dropFirst: boolean;
}

const common = {
  endpoint: z.string().regex(/^we_[A-Za-z0-9]+$/, 'must be a webhook endpoint id (we_…)').optional(),
  event_type: z.string().min(1).max(200).regex(/^[a-z0-9_.*]+$/, 'must be an event type or a pattern such as "account.*"').default('*'),
  rate: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
  count: z.number().int().min(1, 'must be a positive integer (leave it out for no limit)').nullable().optional(),
};

export const deliveryFaultSchema = z
  .strictObject({
    duplicate: z.strictObject(common).optional(),
    delay: z.strictObject({ ms: z.number().int().min(1).max(3_600_000, 'must be at most 3600000'), ...common }).optional(),
    reorder: z.strictObject({ window_ms: z.number().int().min(1).max(60_000, 'must be at most 60000').default(1000), ...common }).optional(),
    drop_first: z.strictObject(common).optional(),
  })
  .refine((b) => b.duplicate || b.delay || b.reorder || b.drop_first, 'give at least one of "duplicate", "delay", "reorder" or "drop_first"');

type LiveRule = RuleLiveRule<DeliveryFaultRule>;

export class DeliveryFaults {
  private readonly rules = new RuleList<DeliveryFaultRule>({
    prefix: 'whf',
    path: '/_emulator/webhooks/faults',
    noun: 'delivery fault rule',
    example: '{"duplicate":{"event_type":"account.*"}}',
  });
  private random: () => number = Math.random;

  constructor(private readonly seed?: string | number) {
    this.reset();
  }

  /** No rules, the generator reseeded. */
  reset(): void {
    this.rules.restart();
    this.random = this.seed === undefined ? Math.random : seededRandom(`webhooks:${this.seed}`);
  }

  add(input: unknown): DeliveryFaultRule[] {
    const parsed = deliveryFaultSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(`Invalid delivery fault rule: ${describeIssues(parsed.error)}`);
    const b = parsed.data;
    const made: LiveRule[] = [];
    const base = (kind: DeliveryFaultKind, r: z.output<z.ZodObject<typeof common>>): LiveRule => ({
      id: this.rules.newId(),
      kind,
      endpoint: r.endpoint ?? null,
      event_type: r.event_type,
      rate: r.rate,
      remaining: r.count ?? null,
      hits: 0,
      regex: compilePattern(r.event_type),
    });
    if (b.duplicate) made.push(base('duplicate', b.duplicate));
    if (b.delay) made.push({ ...base('delay', b.delay), ms: b.delay.ms });
    if (b.reorder) made.push({ ...base('reorder', b.reorder), window_ms: b.reorder.window_ms });
    if (b.drop_first) made.push(base('drop_first', b.drop_first));
    this.rules.push(...made);
    return made.map(({ regex: _regex, ...rule }) => rule);
  }

  remove(id: string): boolean {
    return this.rules.remove(id);
  }

  list(): DeliveryFaultRule[] {
    return this.rules.list();
  }

  /** The faults for a new delivery of an event of `type` to `endpoint` (null when none applies: the fast path). */
  decide(endpoint: string, type: string): DeliveryPlan | null {
    if (this.rules.size === 0) return null;
    const plan: DeliveryPlan = { hits: [], duplicate: false, delayMs: 0, reorder: null, dropFirst: false };
    for (const r of this.rules.all()) {
      if ((r.endpoint !== null && r.endpoint !== endpoint) || !r.regex.test(type)) continue;
      // One rule of a kind is enough: a second one of the same kind is not drawn.
      if ((r.kind === 'duplicate' && plan.duplicate) || (r.kind === 'reorder' && plan.reorder) || (r.kind === 'drop_first' && plan.dropFirst)) continue;
      if (!this.rules.fires(r, this.random)) continue;
      if (r.kind === 'duplicate') plan.duplicate = true;
      if (r.kind === 'delay') plan.delayMs += r.ms ?? 0;
      if (r.kind === 'reorder') plan.reorder = { rule: r.id, windowMs: r.window_ms ?? 1000 };
      if (r.kind === 'drop_first') plan.dropFirst = true;
      plan.hits.push({ rule: r.id, kind: r.kind, ...(r.kind === 'delay' ? { ms: r.ms } : r.kind === 'reorder' ? { ms: r.window_ms } : {}) });
    }
    return plan.hits.length > 0 ? plan : null;
  }

  /**
   * The control API under /_emulator/webhooks/faults (the caller checks loopback and reads the
   * body): GET lists, POST adds (JSON), DELETE clears, GET|DELETE …/:id one rule. Null when the
   * path is not this API's.
   */
  control(method: string, pathname: string, rawBody: string): { status: number; body: string } | null {
    return this.rules.control(method, pathname, rawBody, (input) => this.add(input), this.seed !== undefined);
  }
}
