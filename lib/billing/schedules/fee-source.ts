// The schedule behind an application fee, found live in three reads (four for a released schedule): the fee (its connected account
// and charge); that account's invoice payments made around the fee's time, with their invoices, one
// of which the charge paid; and the invoice's subscription with its schedule. A fee whose charge paid
// no invoice did not come from a subscription, and the answer says so.
import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/stripe/ids';
import { invoiceOfCharge, sourceOnSchedule, subscriptionOfInvoice, type FeeScheduleSource } from './fee-source-words';

/** Invoices are paid when they are made here; on Stripe a retried payment can come days later. */
const BEFORE_FEE_SECONDS = 7 * 86_400;
const AFTER_FEE_SECONDS = 3_600;
/** Invoice payments read at most around one fee. */
const MAX_PAYMENTS = 500;

export async function findFeeSource(feeId: string): Promise<FeeScheduleSource> {
  const stripe = getStripe();
  // The charge expanded: on Stripe, a subscription's invoice payment names the charge's payment intent, not the charge.
  const fee = await stripe.applicationFees.retrieve(feeId, { expand: ['charge'] });
  const accountId = idOf(fee.account as string | { id: string });
  const chargeId = idOf(fee.charge as string | { id: string });
  const paymentIntent = typeof fee.charge === 'object' && fee.charge ? idOf(fee.charge.payment_intent as string | { id: string } | null) : null;
  if (!accountId || !chargeId) return { kind: 'none', reason: 'This fee names no connected account charge, so it did not come from a subscription.' };
  const on = { stripeAccount: accountId };
  const payments = await stripe.invoicePayments
    .list({ limit: 100, created: { gte: fee.created - BEFORE_FEE_SECONDS, lte: fee.created + AFTER_FEE_SECONDS }, expand: ['data.invoice'] }, on)
    .autoPagingToArray({ limit: MAX_PAYMENTS });
  const invoice = invoiceOfCharge(payments, { id: chargeId, paymentIntent });
  if (!invoice) return { kind: 'none', reason: `Not from a subscription: charge ${chargeId} paid no invoice of account ${accountId}; it is a one-off charge.` };
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return { kind: 'none', reason: `Not from a subscription: charge ${chargeId} paid invoice ${invoice.id}, which no subscription made.` };
  const subscription = await stripe.subscriptions.retrieve(subscriptionId, { expand: ['schedule'] }, on);
  const schedule = subscription.schedule as Stripe.SubscriptionSchedule | string | null;
  if (schedule && typeof schedule === 'object') return sourceOnSchedule(schedule, invoice, accountId, subscriptionId);
  // A released schedule lets go of its subscription (which then names none): it still names the
  // subscription it released, and the invoices before the release are its own.
  const customer = idOf(subscription.customer as string | { id: string });
  if (customer) {
    const schedules = await stripe.subscriptionSchedules.list({ customer, limit: 100 }, on);
    const released = schedules.data.find((s) => idOf(s.released_subscription as string | { id: string } | null) === subscriptionId);
    if (released && (released.released_at === null || invoice.created < released.released_at)) return sourceOnSchedule(released, invoice, accountId, subscriptionId);
  }
  return { kind: 'subscription', subscriptionId, accountId, invoiceId: invoice.id };
}
