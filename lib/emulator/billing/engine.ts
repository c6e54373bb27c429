// Billing in time: subscription schedules move through their phases, subscriptions renew period by
// period, and each period start is billed (an invoice, paid at once by a test card charge). On a
// connected account, the charge is a direct charge carrying the phase's `application_fee_percent`
// of the invoice as its application fee, so the fee is the platform's like any other. Everything
// moves when the clock ticks (events/recorder.ts): objects of a customer on a test clock follow the
// clock's `frozen_time`, every other object the emulator's clock.
//
// The model, simpler than Stripe's in places (README, "Known differences"):
// - Each phase starts a new billing period (its items billed in advance at once); a period renews
//   after its first item's price interval; a phase ending inside a period cuts it short with no
//   proration. Metered items are billed in arrears: a period's usage is on the invoice made at
//   the period's end (the next period's, or the final one).
// - Every invoice is finalized at once and paid by a Visa test card (`tok_visa`); one whose charge
//   fails stays `open` and the subscription turns `past_due`.
// - At the last phase's end, `end_behavior: release` releases the schedule (the subscription keeps
//   renewing on its own) and `cancel` completes it and cancels the subscription.
import type Stripe from 'stripe';
import { StripeApiError } from '../core/errors';
import { makeId, cryptoRandom } from '../core/ids';
import type { World } from '../core/world';
import { createCharge, moneyCtx } from '../money';
import { platformApplication } from '../money/store';
import { setClockBilling } from '../resources/test-clocks';
import { addInterval, invoiceObject, itemsList, lineObject, subscriptionItemObject, subscriptionObject, type Interval, type LineInput } from './objects';
import { billing, PLATFORM_OWNER, type BillingState } from './store';

const id = (prefix: string) => makeId(prefix, cryptoRandom);

/** The time a billing object lives in: its test clock's frozen time, or the emulator's. */
export function timeOf(world: World, testClock: string | Stripe.TestHelpers.TestClock | null | undefined, now: number): number {
  if (!testClock) return now;
  const clock = world.testClocks.get(typeof testClock === 'string' ? testClock : testClock.id);
  return clock ? clock.frozen_time : now;
}

/** The price interval a subscription bills by: its first item's. */
function periodOf(items: readonly { price?: string | Stripe.Price | Stripe.DeletedPrice }[], b: BillingState): { interval: Interval; count: number } {
  const first = items[0];
  const price = b.prices.get(typeof first.price === 'string' ? first.price : (first.price?.id ?? ''));
  const r = price?.recurring;
  return r ? { interval: r.interval, count: r.interval_count } : { interval: 'month', count: 1 };
}

export function phaseIndexAt(s: Stripe.SubscriptionSchedule, t: number): number {
  return s.phases.findIndex((p) => p.start_date <= t && t < p.end_date);
}

/** Items of a phase as a subscription's, with ids: an item keeps its id while its price stays. */
function itemsForPhase(world: World, sub: string, phase: Stripe.SubscriptionSchedule.Phase, previous: Stripe.SubscriptionItem[], start: number, end: number, created: number): Stripe.SubscriptionItem[] {
  const b = billing(world);
  return phase.items.map((pi) => {
    const priceId = typeof pi.price === 'string' ? pi.price : pi.price.id;
    const price = b.prices.get(priceId)!;
    const kept = previous.find((x) => x.price.id === priceId);
    const item = subscriptionItemObject({ id: kept?.id ?? id('si').slice(0, 17), created: kept?.created ?? created, price, quantity: pi.quantity, metadata: pi.metadata ?? {}, subscription: sub, start, end });
    b.itemSubscription.set(item.id, sub);
    return item;
  });
}

function openPeriod(b: BillingState, items: Stripe.SubscriptionItem[], start: number, end: number): void {
  for (const i of items) {
    const periods = b.itemPeriods.get(i.id) ?? [];
    periods.push({ start, end, invoice: null });
    b.itemPeriods.set(i.id, periods);
  }
}

/** Usage of a metered item in [start, end). */
export function usageIn(b: BillingState, item: string, start: number, end: number): number {
  return (b.usage.get(item) ?? []).filter((u) => u.timestamp >= start && u.timestamp < end).reduce((s, u) => s + u.quantity, 0);
}

interface BillArgs {
  world: World;
  sub: Stripe.Subscription;
  /** Metered items whose period [start, end) ends now: their usage is billed. */
  arrears: { items: Stripe.SubscriptionItem[]; start: number; end: number } | null;
  /** Licensed items of the period starting now, billed in advance. */
  advance: { items: Stripe.SubscriptionItem[]; start: number; end: number } | null;
  at: number;
  reason: Stripe.Invoice.BillingReason;
  feePercent: number | null;
}

/** Makes, finalizes and pays the invoice of a period boundary; answers the subscription with it as `latest_invoice`. */
function bill(a: BillArgs): Stripe.Subscription {
  const { world, sub } = a;
  const b = billing(world);
  const owner = b.owners.get(sub.id) ?? PLATFORM_OWNER;
  const customer = b.customers.get(sub.customer as string);
  if (!customer) return sub;
  const lines: LineInput[] = [];
  const billed: { item: string; start: number }[] = [];
  for (const item of a.arrears?.items ?? []) {
    if (item.price.recurring?.usage_type !== 'metered') continue;
    lines.push({ id: id('il'), item, quantity: usageIn(b, item.id, a.arrears!.start, a.arrears!.end), start: a.arrears!.start, end: a.arrears!.end });
    billed.push({ item: item.id, start: a.arrears!.start });
  }
  for (const item of a.advance?.items ?? []) {
    if (item.price.recurring?.usage_type === 'metered') continue;
    lines.push({ id: id('il'), item, quantity: item.quantity ?? 1, start: a.advance!.start, end: a.advance!.end });
    billed.push({ item: item.id, start: a.advance!.start });
  }
  if (lines.length === 0) return sub;
  const account = owner === PLATFORM_OWNER ? world.platform : world.accounts.get(owner);
  const invoiceId = id('in');
  const connected = owner !== PLATFORM_OWNER;
  let invoice = invoiceObject({
    id: invoiceId,
    number: `${customer.invoice_prefix ?? 'INV'}-${String(b.invoices.values().filter((i) => i.customer === customer.id).length + 1).padStart(4, '0')}`,
    created: a.at,
    customer,
    subscription: sub.id,
    lines: lines.map((l) => lineObject(l, invoiceId, sub.id, world.mode === 'live')),
    reason: a.reason,
    periodStart: a.arrears?.start ?? a.advance?.start ?? a.at,
    periodEnd: a.arrears?.end ?? a.advance?.start ?? a.at,
    accountCountry: account?.country ?? null,
    accountName: account?.business_profile?.name ?? null,
    application: connected && a.feePercent !== null ? platformApplication(world).id : null,
    testClock: typeof sub.test_clock === 'string' ? sub.test_clock : null,
    livemode: world.mode === 'live',
    currency: sub.currency,
  });
  for (const x of billed) {
    const period = b.itemPeriods.get(x.item)?.find((p) => p.start === x.start);
    if (period && period.invoice === null) period.invoice = invoiceId;
  }
  let paid = invoice.total === 0;
  if (invoice.total > 0) {
    const fee = connected && a.feePercent !== null ? Math.round((invoice.total * a.feePercent) / 100) : undefined;
    try {
      const ctx = moneyCtx(world, a.at, { stripeAccount: connected ? owner : null });
      const charge = createCharge(ctx, {
        amount: invoice.total,
        currency: invoice.currency,
        source: 'tok_visa',
        description: a.reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
        ...(fee !== undefined && fee > 0 ? { application_fee_amount: fee } : {}),
      });
      b.invoiceCharge.set(invoiceId, charge.id);
      paid = true;
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e;
      invoice = { ...invoice, attempt_count: 1, attempted: true };
    }
  }
  if (paid) {
    invoice = {
      ...invoice,
      amount_paid: invoice.total,
      amount_remaining: 0,
      attempt_count: invoice.total > 0 ? 1 : 0,
      attempted: true,
      status: 'paid',
      status_transitions: { ...invoice.status_transitions, paid_at: a.at },
    };
  }
  b.owners.set(invoiceId, owner);
  b.invoices.insert(invoice);
  return { ...sub, latest_invoice: invoiceId, status: paid ? sub.status : 'past_due' };
}

/** Starts a schedule's first phase at its start: the subscription is made and its first period billed. */
function activate(world: World, s: Stripe.SubscriptionSchedule): Stripe.SubscriptionSchedule {
  const b = billing(world);
  const phase = s.phases[0];
  const at = phase.start_date;
  const subId = id('sub');
  const { interval, count } = periodOf(phase.items, b);
  const end = Math.min(addInterval(at, interval, count), phase.end_date);
  const items = itemsForPhase(world, subId, phase, [], at, end, at);
  openPeriod(b, items, at, end);
  const owner = b.owners.get(s.id) ?? PLATFORM_OWNER;
  let sub = subscriptionObject({
    id: subId,
    created: at,
    customer: s.customer as string,
    currency: phase.currency,
    start: at,
    anchor: at,
    items,
    schedule: s.id,
    testClock: typeof s.test_clock === 'string' ? s.test_clock : null,
    feePercent: phase.application_fee_percent,
    description: phase.description,
    metadata: phase.metadata ?? {},
    livemode: world.mode === 'live',
    application: owner === PLATFORM_OWNER ? null : platformApplication(world).id,
    cancelAt: s.end_behavior === 'cancel' ? s.phases[s.phases.length - 1].end_date : null,
  });
  b.owners.set(subId, owner);
  b.subscriptions.insert(sub);
  sub = bill({ world, sub, arrears: null, advance: { items, start: at, end }, at, reason: 'subscription_create', feePercent: phase.application_fee_percent });
  b.subscriptions.put(sub);
  return { ...s, status: 'active', subscription: subId, current_phase: { start_date: phase.start_date, end_date: phase.end_date } };
}

/** The end of a subscription's current period (all its items share it). */
const periodEndOf = (sub: Stripe.Subscription): number => sub.items.data[0]?.current_period_end ?? Number.POSITIVE_INFINITY;
const periodStartOf = (sub: Stripe.Subscription): number => sub.items.data[0]?.current_period_start ?? 0;

/** Renews a subscription at its period end with the same items (the period after it is billed). */
function renew(world: World, sub: Stripe.Subscription, feePercent: number | null, limit: number): Stripe.Subscription {
  const b = billing(world);
  const at = periodEndOf(sub);
  const { interval, count } = periodOf(sub.items.data, b);
  const end = Math.min(addInterval(at, interval, count), limit);
  const items = sub.items.data.map((i) => ({ ...i, current_period_start: at, current_period_end: end }));
  openPeriod(b, items, at, end);
  const next = { ...sub, items: itemsList(sub.id, items) };
  return bill({ world, sub: next, arrears: { items: sub.items.data, start: periodStartOf(sub), end: at }, advance: { items, start: at, end }, at, reason: 'subscription_cycle', feePercent });
}

/** Ends a subscription at `at`: its metered usage so far is billed when `finalInvoice`. */
export function endSubscription(world: World, sub: Stripe.Subscription, at: number, finalInvoice: boolean, feePercent: number | null): Stripe.Subscription {
  let next = sub;
  if (finalInvoice) next = bill({ world, sub, arrears: { items: sub.items.data, start: periodStartOf(sub), end: at }, advance: null, at, reason: 'subscription_cycle', feePercent });
  return { ...next, status: 'canceled', canceled_at: at, ended_at: at, cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: 'cancellation_requested' } };
}

/** Moves one schedule forward to time `t`, boundary by boundary. */
export function stepSchedule(world: World, schedule: Stripe.SubscriptionSchedule, t: number): void {
  const b = billing(world);
  let s = schedule;
  for (let guard = 0; guard < 10_000; guard++) {
    if (s.status === 'not_started') {
      if (s.phases.length === 0 || s.phases[0].start_date > t) break;
      s = activate(world, s);
      continue;
    }
    if (s.status !== 'active' || !s.subscription) break;
    const subId = typeof s.subscription === 'string' ? s.subscription : s.subscription.id;
    let sub = b.subscriptions.get(subId);
    if (!sub) break;
    const idx = s.phases.findIndex((p) => p.start_date === s.current_phase?.start_date);
    const phase = s.phases[idx];
    const periodEnd = periodEndOf(sub);
    const boundary = Math.min(periodEnd, phase.end_date);
    if (boundary > t) break;
    if (boundary === phase.end_date) {
      const nextPhase = s.phases[idx + 1];
      if (!nextPhase) {
        // The last phase is over: the schedule ends as end_behavior says.
        if (s.end_behavior === 'cancel') {
          b.subscriptions.put(endSubscription(world, sub, boundary, true, phase.application_fee_percent));
          s = { ...s, status: 'completed', completed_at: boundary, current_phase: null };
        } else {
          b.subscriptions.put({ ...sub, schedule: null });
          s = { ...s, status: 'released', released_at: boundary, released_subscription: sub.id, subscription: null, current_phase: null };
        }
        break;
      }
      // The next phase starts: its items replace the subscription's, and a new period begins.
      const { interval, count } = periodOf(nextPhase.items, b);
      const end = Math.min(addInterval(boundary, interval, count), nextPhase.end_date);
      const items = itemsForPhase(world, sub.id, nextPhase, sub.items.data, boundary, end, boundary);
      openPeriod(b, items, boundary, end);
      const arrears = { items: sub.items.data, start: periodStartOf(sub), end: boundary };
      sub = {
        ...sub,
        items: itemsList(sub.id, items),
        billing_cycle_anchor: boundary,
        application_fee_percent: nextPhase.application_fee_percent,
        description: nextPhase.description,
        metadata: nextPhase.metadata ?? {},
        currency: nextPhase.currency,
      };
      sub = bill({ world, sub, arrears, advance: { items, start: boundary, end }, at: boundary, reason: 'subscription_update', feePercent: nextPhase.application_fee_percent });
      b.subscriptions.put(sub);
      s = { ...s, current_phase: { start_date: nextPhase.start_date, end_date: nextPhase.end_date } };
      continue;
    }
    b.subscriptions.put(renew(world, sub, phase.application_fee_percent, phase.end_date));
  }
  if (s !== schedule) b.schedules.put(s);
}

/** Moves a subscription no schedule manages (a released one) to time `t`: it renews, or ends at its `cancel_at`. */
export function stepSubscription(world: World, subscription: Stripe.Subscription, t: number): void {
  const b = billing(world);
  let sub = subscription;
  for (let guard = 0; guard < 10_000; guard++) {
    if (sub.schedule || (sub.status !== 'active' && sub.status !== 'past_due')) break;
    const periodEnd = periodEndOf(sub);
    if (sub.cancel_at !== null && sub.cancel_at <= periodEnd) {
      if (sub.cancel_at > t) break;
      sub = endSubscription(world, sub, sub.cancel_at, true, sub.application_fee_percent);
      break;
    }
    if (periodEnd > t) break;
    sub = renew(world, sub, sub.application_fee_percent, Number.POSITIVE_INFINITY);
  }
  if (sub !== subscription) b.subscriptions.put(sub);
}

/** Moves every schedule and subscription (of `clock` only, when given) to its own time. */
export function tickBilling(world: World, now: number, clock?: string): void {
  const b = billing(world);
  if (b.schedules.size === 0 && b.subscriptions.size === 0) return;
  // Objects of a deleted clock stay where the clock left them.
  const on = (tc: string | Stripe.TestHelpers.TestClock | null) => (clock === undefined ? !tc || world.testClocks.has(typeof tc === 'string' ? tc : tc.id) : tc === clock);
  // A clock being advanced moves its objects to the target (`now`) before its frozen_time says so.
  const at = (tc: string | Stripe.TestHelpers.TestClock | null) => (clock === undefined ? timeOf(world, tc, now) : now);
  for (const s of b.schedules.values()) {
    if ((s.status === 'not_started' || s.status === 'active') && on(s.test_clock)) stepSchedule(world, s, at(s.test_clock));
  }
  for (const sub of b.subscriptions.values()) {
    // Read again: a schedule's step above may have released it just now.
    const current = b.subscriptions.get(sub.id)!;
    if (!current.schedule && (current.status === 'active' || current.status === 'past_due') && on(current.test_clock)) stepSubscription(world, current, at(current.test_clock));
  }
}

/** The shortest billing interval among a clock's live subscriptions and schedules, in seconds from `from` (null: none). */
function shortestInterval(world: World, clock: string, from: number): number | null {
  const b = billing(world);
  let best: number | null = null;
  const consider = (interval: Interval, count: number) => {
    const span = addInterval(from, interval, count) - from;
    if (best === null || span < best) best = span;
  };
  for (const sub of b.subscriptions.values()) {
    if (sub.test_clock !== clock || sub.status === 'canceled') continue;
    const { interval, count } = periodOf(sub.items.data, b);
    consider(interval, count);
  }
  for (const s of b.schedules.values()) {
    if (s.test_clock !== clock || (s.status !== 'not_started' && s.status !== 'active')) continue;
    for (const p of s.phases) {
      const { interval, count } = periodOf(p.items, b);
      consider(interval, count);
    }
  }
  return best;
}

// A test clock's advance moves its objects (before the clock says `ready`), and a clock with
// subscriptions may advance at most two of their shortest interval at once, as on Stripe.
setClockBilling({
  advance: (world, clock, target) => tickBilling(world, target, clock),
  limit: (world, clock, from) => {
    const span = shortestInterval(world, clock, from);
    return span === null ? null : from + 2 * span;
  },
});
