// Subscription schedules, as the API makes and changes them: created from a customer and phases or
// from a subscription, updated, canceled and released, each refused in the statuses where Stripe
// refuses it. What happens over time (phases starting, periods billed, the schedule ending) is
// engine.ts; the routes are resources/subscription-schedules.ts.
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest, paramError } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { expand, hash, int, mergeMetadata, metadata, nowOrTimestamp, oneOf, str, unsettableStr } from '../core/params';
import type { Ctx } from '../core/router';
import { atLeast, VERSION } from '../core/versions';
import { platformApplication } from '../money/store';
import { requireCustomerParam } from '../resources/customers';
import { isLegacyMetered, requirePriceParam } from '../resources/prices';
import { endSubscription, phaseIndexAt, stepSchedule, timeOf } from './engine';
import { addInterval, defaultSettings, phaseItem, phaseObject } from './objects';
import { billing, idOf, ownerOfCtx, PLATFORM_OWNER, requireOwned } from './store';

const intervalEnum = oneOf(['day', 'week', 'month', 'year']);
const phaseParams = hash({
  items: z.array(hash({ price: str(), quantity: int({ min: 0 }).optional(), metadata: metadata().optional() })).min(1),
  application_fee_percent: z.string().transform((s, ctx) => {
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: `Invalid decimal: ${s}` });
      return z.NEVER;
    }
    return n;
  }).optional(),
  currency: str().optional(),
  description: unsettableStr({ max: 500 }).optional(),
  duration: hash({ interval: intervalEnum, interval_count: int({ min: 1 }).optional() }).optional(),
  end_date: nowOrTimestamp().optional(),
  iterations: int({ min: 1 }).optional(),
  metadata: metadata().optional(),
  proration_behavior: oneOf(['always_invoice', 'create_prorations', 'none']).optional(),
  start_date: nowOrTimestamp().optional(),
});
const defaultSettingsParams = hash({
  application_fee_percent: phaseParams.shape.application_fee_percent,
  billing_cycle_anchor: oneOf(['automatic', 'phase_start']).optional(),
  collection_method: oneOf(['charge_automatically']).optional(),
  description: unsettableStr({ max: 500 }).optional(),
});
export const createScheduleParams = hash({
  customer: str({ max: 5000 }).optional(),
  from_subscription: str({ max: 5000 }).optional(),
  start_date: nowOrTimestamp().optional(),
  end_behavior: oneOf(['cancel', 'release']).optional(),
  phases: z.array(phaseParams).optional(),
  default_settings: defaultSettingsParams.optional(),
  metadata: metadata().optional(),
  expand: expand(),
});
export const updateScheduleParams = hash({
  phases: z.array(phaseParams).optional(),
  end_behavior: oneOf(['cancel', 'release']).optional(),
  default_settings: defaultSettingsParams.optional(),
  metadata: metadata().optional(),
  proration_behavior: oneOf(['always_invoice', 'create_prorations', 'none']).optional(),
  expand: expand(),
});
export type CreateScheduleParams = z.output<typeof createScheduleParams>;
type PhaseParams = z.output<typeof phaseParams>;
type DefaultSettingsParams = z.output<typeof defaultSettingsParams>;

/** `application_fee_percent` is the platform's share of a connected account's invoices: it needs Stripe-Account. */
function checkFeePercent(ctx: Ctx, value: number | undefined, param: string): void {
  if (value !== undefined && ctx.stripeAccount === null) {
    throw invalidRequest(
      'Can only apply an application_fee_percent when the request is made on behalf of another account (using an OAuth key, the Stripe-Account header, or the transfer_data[destination] parameter).',
      { param },
    );
  }
}

/** Phases with their dates: each starts where the one before ends; its end from end_date, duration or iterations (one interval when none is given). */
function buildPhases(ctx: Ctx, input: PhaseParams[], start: number, defaults: Stripe.SubscriptionSchedule.DefaultSettings, now: number): Stripe.SubscriptionSchedule.Phase[] {
  const out: Stripe.SubscriptionSchedule.Phase[] = [];
  let at = start;
  input.forEach((p, n) => {
    const param = `phases[${n}]`;
    if (n > 0 && p.start_date !== undefined) throw paramError(`Only the first phase may set a start_date; ${param}[start_date] starts when the phase before it ends.`, `${param}[start_date]`);
    checkFeePercent(ctx, p.application_fee_percent, `${param}[application_fee_percent]`);
    // `duration` came in 2025-07-30.basil and replaced `iterations`, gone from 2025-09-30.clover.
    if (p.iterations !== undefined && atLeast(ctx.apiVersion, VERSION.phaseIterationsRemoved)) {
      throw paramError(`Received unknown parameter: ${param}[iterations]`, `${param}[iterations]`, 'parameter_unknown');
    }
    if (p.duration !== undefined && !atLeast(ctx.apiVersion, VERSION.phaseDuration)) {
      throw paramError(`Received unknown parameter: ${param}[duration]`, `${param}[duration]`, 'parameter_unknown');
    }
    const given = [p.end_date, p.iterations, p.duration].filter((x) => x !== undefined).length;
    if (given > 1) throw invalidRequest(`You may only specify one of these parameters: ${param}[duration], ${param}[end_date], ${param}[iterations].`, { param: `${param}[end_date]` });
    const prices = p.items.map((item, k) => {
      const price = requirePriceParam(ctx, item.price, `${param}[items][${k}][price]`);
      if (price.type !== 'recurring') throw invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param: `${param}[items][${k}][price]` });
      if (isLegacyMetered(price) && atLeast(ctx.apiVersion, VERSION.legacyUsageBilling)) {
        throw invalidRequest(
          `The price ${price.id} uses legacy usage-based billing (metered without a billing meter), which cannot be attached to subscriptions since API version 2025-03-31.basil.`,
          { param: `${param}[items][${k}][price]` },
        );
      }
      if (price.recurring?.usage_type === 'metered' && item.quantity !== undefined) {
        throw invalidRequest('Quantity should not be specified where usage_type is `metered`. Remove quantity from the subscription item.', { param: `${param}[items][${k}][quantity]` });
      }
      return price;
    });
    const currency = (p.currency ?? prices[0].currency).toLowerCase();
    prices.forEach((price, k) => {
      if (price.currency !== currency) throw invalidRequest(`The price ${price.id} is in ${price.currency}, but the phase is in ${currency}: all of a phase's prices must share its currency.`, { param: `${param}[items][${k}][price]` });
    });
    const first = prices[0].recurring!;
    let end: number;
    if (p.end_date !== undefined) end = p.end_date === 'now' ? now : p.end_date;
    else if (p.duration) end = addInterval(at, p.duration.interval, p.duration.interval_count ?? 1);
    else end = addInterval(at, first.interval, first.interval_count * (p.iterations ?? 1));
    if (end <= at) throw invalidRequest(`The end_date of ${param} must be after its start_date.`, { param: `${param}[end_date]` });
    out.push(
      phaseObject({
        start: at,
        end,
        currency,
        items: p.items.map((item, k) => phaseItem({ price: prices[k], quantity: item.quantity, metadata: mergeMetadata({}, item.metadata) })),
        feePercent: p.application_fee_percent ?? defaults.application_fee_percent,
        description: p.description ?? defaults.description,
        metadata: mergeMetadata({}, p.metadata),
        proration: p.proration_behavior ?? 'create_prorations',
      }),
    );
    at = end;
  });
  return out;
}

function settingsFrom(ctx: Ctx, d: DefaultSettingsParams | undefined, current?: Stripe.SubscriptionSchedule.DefaultSettings): Stripe.SubscriptionSchedule.DefaultSettings {
  checkFeePercent(ctx, d?.application_fee_percent, 'default_settings[application_fee_percent]');
  return defaultSettings({
    feePercent: d?.application_fee_percent ?? current?.application_fee_percent ?? null,
    description: d?.description === undefined ? (current?.description ?? null) : d.description,
    anchor: d?.billing_cycle_anchor ?? (current?.billing_cycle_anchor === 'phase_start' ? 'phase_start' : 'automatic'),
  });
}

/** The schedule's customer's test clock (null when none). */
function clockOfCustomer(customer: Stripe.Customer): string | null {
  return idOf(customer.test_clock ?? null);
}

/** Creates a schedule through the same rules as POST /v1/subscription_schedules (the demo seeder uses this too). */
export function createSchedule(ctx: Ctx, p: CreateScheduleParams, opts: { random?: RandomSource } = {}): Stripe.SubscriptionSchedule {
  const b = billing(ctx.world);
  const owner = ownerOfCtx(ctx);
  const random = opts.random ?? cryptoRandom;
  const id = `sub_sched_${makeId('x', random).slice(2)}`;
  const application = owner === PLATFORM_OWNER ? null : platformApplication(ctx.world).id;
  if (p.from_subscription !== undefined) {
    for (const other of ['customer', 'phases', 'start_date', 'end_behavior', 'default_settings'] as const) {
      if (p[other] !== undefined) throw invalidRequest(`You cannot set \`${other}\` if \`from_subscription\` is set.`, { param: other });
    }
    const sub = b.subscriptions.get(p.from_subscription);
    if (!sub || b.owners.get(sub.id) !== owner) throw invalidRequest(`No such subscription: '${p.from_subscription}'`, { param: 'from_subscription', code: 'resource_missing' });
    if (sub.schedule) throw invalidRequest(`You cannot migrate a subscription that is already attached to a schedule: \`${idOf(sub.schedule)}\`.`, { param: 'from_subscription' });
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') throw invalidRequest(`You cannot migrate a subscription that is ${sub.status}.`, { param: 'from_subscription' });
    const start = sub.items.data[0].current_period_start;
    const end = sub.items.data[0].current_period_end;
    const phase = phaseObject({
      start,
      end,
      currency: sub.currency,
      items: sub.items.data.map((i) => phaseItem({ price: i.price, quantity: i.quantity, metadata: i.metadata })),
      feePercent: sub.application_fee_percent,
      description: sub.description,
      metadata: sub.metadata,
      proration: 'create_prorations',
    });
    const schedule: Stripe.SubscriptionSchedule = {
      ...scheduleShell(ctx, id, sub.customer as string, idOf(sub.test_clock), application, settingsFrom(ctx, undefined), 'release', mergeMetadata({}, p.metadata), timeOf(ctx.world, sub.test_clock, ctx.now())),
      phases: [phase],
      status: 'active',
      subscription: sub.id,
      current_phase: { start_date: start, end_date: end },
    };
    b.owners.set(id, owner);
    b.schedules.insert(schedule);
    b.subscriptions.put({ ...sub, schedule: id });
    return schedule;
  }
  if (p.customer === undefined) throw paramError('Missing required param: customer.', 'customer', 'parameter_missing');
  const customer = requireCustomerParam(ctx, p.customer);
  if (!p.phases || p.phases.length === 0) throw paramError('Missing required param: phases.', 'phases', 'parameter_missing');
  const clock = clockOfCustomer(customer);
  const now = timeOf(ctx.world, clock, ctx.now());
  const start = p.start_date === undefined || p.start_date === 'now' ? now : p.start_date;
  if (p.phases[0].start_date !== undefined) throw paramError('Set the schedule\'s start with `start_date`, not `phases[0][start_date]`, when creating a schedule.', 'phases[0][start_date]');
  const settings = settingsFrom(ctx, p.default_settings);
  const phases = buildPhases(ctx, p.phases, start, settings, now);
  const schedule: Stripe.SubscriptionSchedule = {
    ...scheduleShell(ctx, id, customer.id, clock, application, settings, p.end_behavior ?? 'release', mergeMetadata({}, p.metadata), now),
    phases,
  };
  b.owners.set(id, owner);
  b.schedules.insert(schedule);
  // A schedule starting now (or backdated) is active at once: its subscription and first invoice are made now.
  stepSchedule(ctx.world, schedule, now);
  return b.schedules.get(id)!;
}

function scheduleShell(
  ctx: Ctx,
  id: string,
  customer: string,
  testClock: string | null,
  application: string | null,
  settings: Stripe.SubscriptionSchedule.DefaultSettings,
  endBehavior: Stripe.SubscriptionSchedule.EndBehavior,
  meta: Stripe.Metadata,
  created: number,
): Stripe.SubscriptionSchedule {
  return {
    id,
    object: 'subscription_schedule',
    application,
    billing_mode: { flexible: null, type: 'classic' },
    canceled_at: null,
    completed_at: null,
    created,
    current_phase: null,
    customer,
    customer_account: null,
    default_settings: settings,
    end_behavior: endBehavior,
    livemode: ctx.mode === 'live',
    metadata: meta,
    pause_schedules: [],
    phases: [],
    released_at: null,
    released_subscription: null,
    status: 'not_started',
    subscription: null,
    test_clock: testClock,
  };
}

export function requireSchedule(ctx: Ctx, id: string): Stripe.SubscriptionSchedule {
  return requireOwned(ctx, billing(ctx.world).schedules, 'subscription schedule', id);
}

/** Refuses an action on a schedule that has ended, in Stripe's words. */
function requireLive(s: Stripe.SubscriptionSchedule, action: 'cancel' | 'release' | 'update'): void {
  if (s.status === 'not_started' || s.status === 'active') return;
  throw invalidRequest(`You cannot ${action} a subscription schedule that is currently in the \`${s.status}\` status. It must be in \`not_started\` or \`active\`.`);
}

export function updateSchedule(ctx: Ctx, id: string, p: z.output<typeof updateScheduleParams>): Stripe.SubscriptionSchedule {
  const b = billing(ctx.world);
  const s = requireSchedule(ctx, id);
  requireLive(s, 'update');
  const now = timeOf(ctx.world, s.test_clock, ctx.now());
  const settings = settingsFrom(ctx, p.default_settings, s.default_settings);
  let phases = s.phases;
  if (p.phases !== undefined) {
    if (p.phases.length === 0) throw paramError('Invalid array: phases must have at least one phase.', 'phases');
    const current = s.status === 'active' ? phaseIndexAt(s, now) : -1;
    const past = current > 0 ? s.phases.slice(0, current) : [];
    const keepStart = current >= 0 ? s.phases[current].start_date : s.phases[0].start_date;
    const first = p.phases[0].start_date;
    const start = first === undefined ? keepStart : first === 'now' ? now : first;
    if (s.status === 'active' && start !== keepStart) {
      throw invalidRequest('You cannot change the start_date of the current phase of an active subscription schedule.', { param: 'phases[0][start_date]' });
    }
    phases = [...past, ...buildPhases(ctx, p.phases.map((x, i) => (i === 0 ? { ...x, start_date: undefined } : x)), start, settings, now)];
  }
  const next: Stripe.SubscriptionSchedule = {
    ...s,
    default_settings: settings,
    end_behavior: p.end_behavior ?? s.end_behavior,
    metadata: mergeMetadata(s.metadata ?? {}, p.metadata),
    phases,
    current_phase: s.status === 'active' ? (() => {
      const i = phaseIndexAt({ ...s, phases }, now);
      return i >= 0 ? { start_date: phases[i].start_date, end_date: phases[i].end_date } : s.current_phase;
    })() : null,
  };
  b.schedules.put(next);
  // The subscription follows the current phase's settings and cancel date.
  const subId = idOf(next.subscription);
  const sub = subId ? b.subscriptions.get(subId) : undefined;
  if (sub && next.current_phase) {
    const phase = phases.find((x) => x.start_date === next.current_phase!.start_date)!;
    b.subscriptions.put({ ...sub, application_fee_percent: phase.application_fee_percent, cancel_at: next.end_behavior === 'cancel' ? phases[phases.length - 1].end_date : null });
  }
  stepSchedule(ctx.world, next, now);
  return b.schedules.get(id)!;
}

export function cancelSchedule(ctx: Ctx, id: string, p: { invoice_now?: boolean; prorate?: boolean }): Stripe.SubscriptionSchedule {
  const b = billing(ctx.world);
  const s = requireSchedule(ctx, id);
  requireLive(s, 'cancel');
  const now = timeOf(ctx.world, s.test_clock, ctx.now());
  const subId = idOf(s.subscription);
  const sub = subId ? b.subscriptions.get(subId) : undefined;
  if (sub && sub.status !== 'canceled') {
    const phase = s.phases.find((x) => x.start_date === s.current_phase?.start_date);
    b.subscriptions.put(endSubscription(ctx.world, sub, now, p.invoice_now ?? true, phase?.application_fee_percent ?? null));
  }
  const next: Stripe.SubscriptionSchedule = { ...b.schedules.get(id)!, status: 'canceled', canceled_at: now, current_phase: null };
  b.schedules.put(next);
  return next;
}

export function releaseSchedule(ctx: Ctx, id: string, p: { preserve_cancel_date?: boolean }): Stripe.SubscriptionSchedule {
  const b = billing(ctx.world);
  const s = requireSchedule(ctx, id);
  requireLive(s, 'release');
  const now = timeOf(ctx.world, s.test_clock, ctx.now());
  const subId = idOf(s.subscription);
  const sub = subId ? b.subscriptions.get(subId) : undefined;
  if (sub) b.subscriptions.put({ ...sub, schedule: null, cancel_at: p.preserve_cancel_date ? sub.cancel_at : null });
  const next: Stripe.SubscriptionSchedule = { ...s, status: 'released', released_at: now, released_subscription: subId, subscription: null, current_phase: null };
  b.schedules.put(next);
  return next;
}
