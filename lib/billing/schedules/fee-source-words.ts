// Where an application fee came from, when a subscription produced it: the pure steps of the walk
// fee → charge → invoice payment → invoice → subscription → schedule, and the words the fee page
// shows. Pure and client-safe (types only from `stripe`).
import type Stripe from 'stripe';
import { idOf } from '@/lib/stripe/ids';
import { phaseOfInvoice } from './phases';

export type FeeScheduleSource =
  | { kind: 'schedule'; scheduleId: string; accountId: string; subscriptionId: string; invoiceId: string; phaseIndex: number; feePercent: number | null }
  | { kind: 'subscription'; subscriptionId: string; accountId: string; invoiceId: string }
  | { kind: 'none'; reason: string };

/** The invoice (expanded) whose payment is this charge, among an account's invoice payments. */
/** A charge as an invoice payment may name it: by the charge itself, or (on Stripe, where invoices are paid through PaymentIntents) by its payment intent. */
export type PayingCharge = { id: string; paymentIntent: string | null };

/** Whether an invoice payment was made by this charge (`payment.type` charge, or payment_intent naming the charge's). */
export function paymentByCharge(payment: Stripe.InvoicePayment, charge: PayingCharge): boolean {
  if (idOf(payment.payment.charge as string | { id: string } | undefined) === charge.id) return true;
  return charge.paymentIntent !== null && idOf(payment.payment.payment_intent as string | { id: string } | undefined) === charge.paymentIntent;
}

export function invoiceOfCharge(payments: readonly Stripe.InvoicePayment[], charge: PayingCharge): Stripe.Invoice | null {
  const payment = payments.find((p) => paymentByCharge(p, charge));
  return payment && typeof payment.invoice === 'object' ? (payment.invoice as Stripe.Invoice) : null;
}

/** The subscription an invoice bills, if a subscription made it. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf((invoice.parent?.subscription_details?.subscription ?? null) as string | { id: string } | null);
}

/** The schedule's phase that billed the invoice, and the percentage it took. */
export function sourceOnSchedule(schedule: Stripe.SubscriptionSchedule, invoice: Stripe.Invoice, accountId: string, subscriptionId: string): FeeScheduleSource {
  const phaseIndex = phaseOfInvoice(schedule.phases.map((p) => ({ start: p.start_date, end: p.end_date })), invoice.created);
  return { kind: 'schedule', scheduleId: schedule.id, accountId, subscriptionId, invoiceId: invoice.id, phaseIndex, feePercent: schedule.phases[phaseIndex]?.application_fee_percent ?? null };
}

/** "From subscription schedule sub_sched_… (phase 2, 8%)". */
export function feeSourceSentence(source: FeeScheduleSource): string {
  if (source.kind === 'schedule') return `From subscription schedule ${source.scheduleId} (phase ${source.phaseIndex + 1}${source.feePercent === null ? '' : `, ${source.feePercent}%`})`;
  if (source.kind === 'subscription') return `From subscription ${source.subscriptionId} (invoice ${source.invoiceId}), which no schedule manages.`;
  return source.reason;
}

/** The schedule page of a source, or null. */
export function scheduleHref(source: FeeScheduleSource): string | null {
  return source.kind === 'schedule' ? `/billing/schedules/${encodeURIComponent(source.scheduleId)}?account=${encodeURIComponent(source.accountId)}` : null;
}
