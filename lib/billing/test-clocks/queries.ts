// Server-side reads of the test clock panel, on one connected account (`Stripe-Account`): its test
// clocks, and one clock as the panel watches it: its status, and for each customer on it the
// subscription schedules (status, phases, current phase), the subscription's items, the invoices,
// and the platform application fee each invoice's charge produced (fee → charge → the invoice's
// payment). Independent calls go out together.
import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/stripe/ids';
import { phaseAt, REHEARSAL_METADATA } from './rehearsal';
import type { ClockSummary, ClockView, InvoiceView, PhaseView, RehearsalView } from './views';

export type { ClockView };

const on = (account: string) => ({ stripeAccount: account });

export async function listClocks(account: string): Promise<ClockSummary[]> {
  const clocks = await getStripe().testHelpers.testClocks.list({ limit: 100 }, on(account));
  return clocks.data.map((c) => ({ id: c.id, name: c.name, status: c.status, frozenTime: c.frozen_time, deletesAfter: c.deletes_after }));
}

export async function getClockView(account: string, clockId: string): Promise<ClockView> {
  const stripe = getStripe();
  const [clock, customers] = await Promise.all([
    stripe.testHelpers.testClocks.retrieve(clockId, {}, on(account)),
    stripe.customers.list({ test_clock: clockId, limit: 100 }, on(account)),
  ]);
  const perCustomer = await Promise.all(
    customers.data.map(async (customer) => {
      const schedules = await stripe.subscriptionSchedules.list({ customer: customer.id, limit: 100 }, on(account));
      return Promise.all(schedules.data.map((schedule) => rehearsalView(account, customer, schedule, clock.frozen_time)));
    }),
  );
  return {
    clock: {
      id: clock.id,
      name: clock.name,
      status: clock.status,
      frozenTime: clock.frozen_time,
      deletesAfter: clock.deletes_after,
      advancingTo: clock.status_details?.advancing?.target_frozen_time ?? null,
    },
    rehearsals: perCustomer.flat().sort((a, b) => b.created - a.created),
  };
}

async function rehearsalView(account: string, customer: Stripe.Customer, schedule: Stripe.SubscriptionSchedule, frozenTime: number): Promise<RehearsalView> {
  const stripe = getStripe();
  const subscriptionId = idOf(schedule.subscription) ?? schedule.released_subscription;
  const [subscription, invoices] = subscriptionId
    ? await Promise.all([
        stripe.subscriptions.retrieve(subscriptionId, {}, on(account)),
        stripe.invoices.list({ subscription: subscriptionId, limit: 100 }, on(account)),
      ])
    : [null, null];
  const phases: PhaseView[] = schedule.phases.map((phase) => ({
    startDate: phase.start_date,
    endDate: phase.end_date,
    feePercent: phase.application_fee_percent ?? null,
    currency: phase.currency,
    items: phase.items.map((item) => {
      const plan = typeof item.plan === 'object' && !('deleted' in item.plan && item.plan.deleted) ? (item.plan as Stripe.Plan) : null;
      return { price: idOf(item.price as string | { id: string }) ?? '', unitAmount: plan?.amount ?? null, quantity: item.quantity ?? null, usageType: plan?.usage_type ?? null, interval: plan?.interval ?? null };
    }),
  }));
  return {
    customer: { id: customer.id, name: customer.name ?? null },
    created: schedule.created,
    isRehearsal: schedule.metadata?.[REHEARSAL_METADATA] === 'true',
    schedule: {
      id: schedule.id,
      status: schedule.status,
      endBehavior: schedule.end_behavior,
      currentPhase: schedule.current_phase ? phaseAt(schedule.phases, schedule.current_phase.start_date) : null,
      phases,
    },
    subscription: subscription
      ? {
          id: subscription.id,
          status: subscription.status,
          items: subscription.items.data.map((item) => ({ id: item.id, price: item.price.id, usageType: item.price.recurring?.usage_type ?? null, quantity: item.quantity ?? null })),
        }
      : null,
    invoices: invoices ? await Promise.all(invoices.data.map((invoice) => invoiceView(account, invoice))) : [],
    clockPhase: phaseAt(schedule.phases, frozenTime),
  };
}

/** An invoice with the platform fee its payment's charge produced (none while it is unpaid). */
async function invoiceView(account: string, invoice: Stripe.Invoice): Promise<InvoiceView> {
  const stripe = getStripe();
  const payments = invoice.status === 'paid' ? await stripe.invoicePayments.list({ invoice: invoice.id!, limit: 10 }, on(account)) : null;
  const charge = payments?.data.map((p) => idOf(p.payment.charge ?? null)).find((id): id is string => Boolean(id)) ?? null;
  const fee = charge ? (await stripe.applicationFees.list({ charge, limit: 1 })).data[0] ?? null : null;
  return {
    id: invoice.id!,
    number: invoice.number ?? null,
    status: invoice.status ?? null,
    total: invoice.total,
    currency: invoice.currency,
    created: invoice.created,
    periodStart: invoice.period_start,
    periodEnd: invoice.period_end,
    charge,
    fee: fee ? { id: fee.id, amount: fee.amount, currency: fee.currency } : null,
  };
}
