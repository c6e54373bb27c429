// A rehearsal's pure parts: the phases the operator fills in turned into Stripe's price and
// subscription schedule parameters, the "next phase" target of a clock's advance (within the two
// billing intervals Stripe lets a clock with subscriptions move at once), where a schedule stands,
// and the rehearsal in words for the review. Client-safe.
import type Stripe from 'stripe';
import { addInterval, formatTimestamp } from '@/lib/dates';
import { formatMoney, parseAmount } from '@/lib/money';
import { plural } from '@/lib/words';
import { LEGACY_USAGE_API_VERSION } from '@/lib/billing/usage/version';
import type { RehearsalInput } from './schemas';

/** The metadata key that marks what the console made for a rehearsal (value: "true"). */
export const REHEARSAL_METADATA = 'console_rehearsal';

/**
 * The API version a rehearsal's prices and schedule are made at: the pinned one, or for a metered
 * price the last one with legacy usage-based billing (basil removed metered prices without a billing
 * meter, and a schedule at a later version refuses them).
 */
export function rehearsalApiVersion(input: Pick<RehearsalInput, 'usageType'>): string | null {
  return input.usageType === 'metered' ? LEGACY_USAGE_API_VERSION : null;
}

/** Each phase's unit price in minor units (the schema has checked they parse). */
export function phaseAmounts(input: Pick<RehearsalInput, 'phases' | 'currency'>): number[] {
  return input.phases.map((phase, i) => {
    const parsed = parseAmount(phase.unitAmount, input.currency);
    if (!parsed.ok) throw new Error(`Phase ${i + 1}: ${parsed.error}`);
    return parsed.amount;
  });
}

/** The price of phase `index`, on the rehearsal's product. */
export function phasePriceParams(input: RehearsalInput, index: number, product: string, metadata: Record<string, string>): Stripe.PriceCreateParams {
  return {
    product,
    currency: input.currency,
    unit_amount: phaseAmounts(input)[index],
    nickname: `Phase ${index + 1}`,
    recurring: { interval: input.interval, usage_type: input.usageType },
    metadata,
  };
}

/**
 * The schedule's parameters: one phase per row, starting now (the clock's time), each its length in
 * intervals: `duration` at the pinned version, `iterations` at the legacy one (`duration` came with
 * 2025-07-30.basil, and clover dropped `iterations`). A metered item takes no quantity.
 */
export function scheduleParams(
  input: RehearsalInput,
  { customer, prices, metadata }: { customer: string; prices: string[]; metadata: Record<string, string> },
): Stripe.SubscriptionScheduleCreateParams {
  if (prices.length !== input.phases.length) throw new Error('One price per phase.');
  const legacy = rehearsalApiVersion(input) !== null;
  const phases = input.phases.map((phase, i) => ({
    items: [input.usageType === 'metered' ? { price: prices[i] } : { price: prices[i], quantity: phase.quantity }],
    application_fee_percent: phase.feePercent,
    ...(legacy ? { iterations: phase.intervals } : { duration: { interval: input.interval, interval_count: phase.intervals } }),
  }));
  return { customer, start_date: 'now', end_behavior: input.endBehavior, phases: phases as Stripe.SubscriptionScheduleCreateParams.Phase[], metadata };
}

/** How far a clock with subscriptions may move at once: two of its shortest billing interval (Stripe's limit). */
export function advanceLimit(frozenTime: number, interval: RehearsalInput['interval']): number {
  return frozenTime + 2 * (addInterval(frozenTime, interval, 1) - frozenTime);
}

type PhaseTimes = { start_date: number; end_date: number };

/** Which phase runs (0-based) at `at`, or null before the first and after the last. */
export function phaseAt(phases: readonly PhaseTimes[], at: number): number | null {
  const i = phases.findIndex((p) => p.start_date <= at && at < p.end_date);
  return i === -1 ? null : i;
}

export type NextPhaseTarget = {
  /** Where to advance the clock. */
  target: number;
  /** The phase (0-based) starting at the target; null when the target is the schedule's end. */
  phase: number | null;
  /** Set when the next phase is further than the clock may move at once: the target is the limit. */
  capped: boolean;
};

/**
 * The next boundary of a schedule after the clock's time: the next phase's start, or the last
 * phase's end; null when the schedule has nothing ahead. Capped at what the clock may move at once,
 * so the operator advances again from there.
 */
export function nextPhaseTarget(phases: readonly PhaseTimes[], frozenTime: number, interval: RehearsalInput['interval']): NextPhaseTarget | null {
  const nextIndex = phases.findIndex((p) => p.start_date > frozenTime);
  const last = phases.at(-1);
  const boundary = nextIndex !== -1 ? phases[nextIndex].start_date : last && last.end_date > frozenTime ? last.end_date : null;
  if (boundary === null) return null;
  const limit = advanceLimit(frozenTime, interval);
  if (boundary > limit) return { target: limit, phase: null, capped: true };
  return { target: boundary, phase: nextIndex === -1 ? null : nextIndex, capped: false };
}

/** The rehearsal in words, for the review before it is made. */
export function describeRehearsal(input: RehearsalInput): string {
  const amounts = phaseAmounts(input);
  const phases = input.phases
    .map((phase, i) => {
      const price = formatMoney(amounts[i], input.currency);
      const what = input.usageType === 'metered' ? `${price} per unit used` : `${phase.quantity} × ${price}`;
      return `phase ${i + 1}: ${plural(phase.intervals, input.interval, `${input.interval}s`)} at ${what}, the platform taking ${phase.feePercent}%`;
    })
    .join('; ');
  const end = input.endBehavior === 'cancel' ? 'then the subscription is cancelled' : 'then the subscription is released and renews on its own';
  return `On test clock ${input.clockId} of ${input.account}: create the customer “${input.customerName}”, the product “${input.productName}” with ${plural(input.phases.length, 'price', 'prices')} (${input.usageType}, per ${input.interval}), and a subscription schedule starting at the clock’s time with ${phases}; ${end}.`;
}

/** The advance in words, for the review. */
export function describeAdvance(clockId: string, from: number, to: number): string {
  return `Move test clock ${clockId} from ${formatTimestamp(from)} to ${formatTimestamp(to)}. Every subscription, invoice and charge on it moves too: each period start in between is billed, and the platform’s fees are collected. A clock cannot go back.`;
}
