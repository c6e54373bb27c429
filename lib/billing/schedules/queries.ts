// Server-side reads of one subscription schedule, live from Stripe on its connected account
// (`Stripe-Account`): the schedule, its prices, its customer, its test clock (whose time is the
// schedule's "now"), and the application fees its invoices produced. How a fee is found from an
// invoice: the invoice's payment (GET /v1/invoice_payments) names its charge, and the platform's
// application fee list filtered by that charge holds the fee. The page prefetches through these;
// the browser reaches them through GET /api/billing/schedules/:id.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { accountNamesFor } from '@/lib/accounts/names';
import { getDb } from '@/lib/db/client';
import { indexObjects } from '@/lib/db/schema';
import { ObjectNotFound } from '@/lib/http/json';
import { getStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/stripe/ids';
import { phaseFacts, priceFacts, schedulePriceIds } from './facts';
import { phaseOfInvoice, type PriceFacts } from './phases';
import { futureFees, projectSchedule } from './projection';

/** Invoices read at most per schedule (a monthly schedule of eight years). */
const MAX_INVOICES = 100;
/** Fee lookups at once (one per paid invoice). */
const FEE_LOOKUP_CONCURRENCY = 6;

export type InvoiceFee = { id: string; amount: number; amountRefunded: number; currency: string };

export type ScheduleInvoice = {
  id: string;
  number: string | null;
  created: number;
  total: number;
  currency: string;
  status: string | null;
  billingReason: string | null;
  phaseIndex: number;
  chargeId: string | null;
  /** The platform's fee on this invoice's charge; null when it produced none (unpaid, or no fee on the phase). */
  fee: InvoiceFee | null;
};

export type ScheduleDetail = {
  schedule: Stripe.SubscriptionSchedule;
  accountId: string;
  accountName: string | null;
  customer: { id: string; name: string | null; email: string | null } | null;
  prices: Record<string, PriceFacts>;
  /** The schedule's time: its test clock's frozen time, or now. */
  now: number;
  testClock: { id: string; name: string | null; frozenTime: number; status: string } | null;
  subscriptionId: string | null;
  invoices: ScheduleInvoice[];
  /** True when the schedule has more invoices than were read. */
  invoicesTruncated: boolean;
  /** The subscription's items on metered prices: their usage is read separately (an older API version). */
  meteredItems: { id: string; priceId: string }[];
};

/** The schedule's account is not given and the console's index does not know it (a 404 for the route: no object can be named). */
export class ScheduleAccountUnknown extends ObjectNotFound {
  constructor(readonly scheduleId: string) {
    super(`The connected account of schedule ${scheduleId} is not known: open it with ?account=acct_… or from the account's Billing tab.`);
  }
}

/** The connected account the console's index holds for a schedule (written by the index's apply code), or null. */
export async function findScheduleAccount(scheduleId: string): Promise<string | null> {
  const db = await getDb();
  const rows = await db
    .select({ account: indexObjects.account })
    .from(indexObjects)
    .where(and(eq(indexObjects.id, scheduleId), eq(indexObjects.type, 'subscription_schedule')))
    .limit(1);
  return rows[0]?.account ?? null;
}

/** The account given, else the index's; throws ScheduleAccountUnknown when neither says. */
export async function scheduleAccount(scheduleId: string, given: string | null): Promise<string> {
  const account = given ?? (await findScheduleAccount(scheduleId));
  if (!account) throw new ScheduleAccountUnknown(scheduleId);
  return account;
}

export function getSchedule(id: string, accountId: string): Promise<Stripe.SubscriptionSchedule> {
  return getStripe().subscriptionSchedules.retrieve(id, {}, { stripeAccount: accountId });
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/** Invoice id to the charge that paid it, from the account's invoice payments made while the invoices were. */
async function chargesOfInvoices(invoices: readonly Stripe.Invoice[], accountId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (invoices.length === 0) return out;
  const wanted = new Set(invoices.map((i) => i.id));
  const created = invoices.map((i) => i.created);
  const on = { stripeAccount: accountId };
  const payments = getStripe().invoicePayments.list(
    // No `payment[type]` filter: Stripe filters only by payment_intent or payment_record. A payment
    // names its charge (type `charge`, as the emulator's do) or its payment intent (as Stripe's
    // subscription payments do), whose latest charge is read below.
    { limit: 100, created: { gte: Math.min(...created), lte: Math.max(...created) + 86_400 } },
    on,
  );
  const byIntent = new Map<string, string>();
  for await (const payment of payments) {
    const invoice = idOf(payment.invoice as string | { id: string });
    if (!invoice || !wanted.has(invoice) || payment.status !== 'paid') continue;
    const charge = idOf(payment.payment.charge as string | { id: string } | undefined);
    const intent = idOf(payment.payment.payment_intent as string | { id: string } | undefined);
    if (charge) out.set(invoice, charge);
    else if (intent) byIntent.set(invoice, intent);
    if (out.size + byIntent.size === wanted.size) break;
  }
  const intents = await inBatches([...byIntent], FEE_LOOKUP_CONCURRENCY, async ([invoice, intent]) => {
    const pi = await getStripe().paymentIntents.retrieve(intent, {}, on).catch(() => null);
    return [invoice, idOf((pi?.latest_charge ?? null) as string | { id: string } | null)] as const;
  });
  for (const [invoice, charge] of intents) if (charge) out.set(invoice, charge);
  return out;
}

/** The platform's application fee on one charge, or null. */
export async function feeOfCharge(chargeId: string): Promise<Stripe.ApplicationFee | null> {
  const page = await getStripe().applicationFees.list({ charge: chargeId, limit: 1 });
  return page.data[0] ?? null;
}

/** The schedule, its prices and its time: what the review and a four-eyes assessment weigh. */
export async function readScheduleFacts(id: string, accountId: string) {
  const stripe = getStripe();
  const on = { stripeAccount: accountId };
  const schedule = await getSchedule(id, accountId);
  const clockId = idOf(schedule.test_clock as string | { id: string } | null);
  const [prices, clock] = await Promise.all([
    Promise.all(schedulePriceIds(schedule).map((price) => stripe.prices.retrieve(price, {}, on).then(priceFacts, () => null))),
    clockId ? stripe.testHelpers.testClocks.retrieve(clockId, {}, on).catch(() => null) : null,
  ]);
  const byId: Record<string, PriceFacts> = Object.fromEntries(prices.filter((p): p is PriceFacts => p !== null).map((p) => [p.id, p]));
  const phases = phaseFacts(schedule, byId);
  const now = clock?.frozen_time ?? Math.floor(Date.now() / 1000);
  const subscriptionId = idOf((schedule.subscription ?? schedule.released_subscription) as string | { id: string } | null);
  return { schedule, prices: byId, phases, now, clock, subscriptionId, future: futureFees(projectSchedule(phases, schedule.status, now)) };
}

export async function getScheduleDetail(id: string, givenAccount: string | null): Promise<ScheduleDetail> {
  const accountId = await scheduleAccount(id, givenAccount);
  const stripe = getStripe();
  const on = { stripeAccount: accountId };
  const [facts, names] = await Promise.all([readScheduleFacts(id, accountId), accountNamesFor([accountId])]);
  const { schedule, phases, clock, subscriptionId } = facts;
  const customerId = idOf(schedule.customer as string | { id: string });
  const metered = Object.values(facts.prices).some((price) => price.usageType === 'metered');
  const [customer, invoicePage, itemPage] = await Promise.all([
    customerId ? stripe.customers.retrieve(customerId, {}, on).catch(() => null) : null,
    subscriptionId ? stripe.invoices.list({ subscription: subscriptionId, limit: MAX_INVOICES }, on) : null,
    // Only a schedule with a metered price has usage to show.
    subscriptionId && metered ? stripe.subscriptionItems.list({ subscription: subscriptionId, limit: 20 }, on).catch(() => null) : null,
  ]);
  const invoices = invoicePage?.data ?? [];
  const charges = await chargesOfInvoices(invoices, accountId);
  const fees = new Map(await inBatches([...charges.values()], FEE_LOOKUP_CONCURRENCY, async (charge) => [charge, await feeOfCharge(charge)] as const));
  return {
    schedule,
    accountId,
    accountName: names[accountId] ?? null,
    customer: customer && !('deleted' in customer && customer.deleted) ? { id: customer.id, name: (customer as Stripe.Customer).name ?? null, email: (customer as Stripe.Customer).email ?? null } : customerId ? { id: customerId, name: null, email: null } : null,
    prices: facts.prices,
    now: facts.now,
    testClock: clock ? { id: clock.id, name: clock.name ?? null, frozenTime: clock.frozen_time, status: clock.status } : null,
    subscriptionId,
    invoices: invoices.map((invoice) => {
      const chargeId = charges.get(invoice.id) ?? null;
      const fee = chargeId ? (fees.get(chargeId) ?? null) : null;
      return {
        id: invoice.id,
        number: invoice.number ?? null,
        created: invoice.created,
        total: invoice.total,
        currency: invoice.currency,
        status: invoice.status ?? null,
        billingReason: invoice.billing_reason ?? null,
        phaseIndex: phaseOfInvoice(phases, invoice.created),
        chargeId,
        fee: fee ? { id: fee.id, amount: fee.amount, amountRefunded: fee.amount_refunded, currency: fee.currency } : null,
      };
    }),
    invoicesTruncated: invoicePage?.has_more ?? false,
    meteredItems: (itemPage?.data ?? []).filter((item) => item.price.recurring?.usage_type === 'metered').map((item) => ({ id: item.id, priceId: item.price.id })),
  };
}
