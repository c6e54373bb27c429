import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { feeSourceSentence, invoiceOfCharge, scheduleHref, sourceOnSchedule, subscriptionOfInvoice } from './fee-source-words';

const invoice = (id: string, created: number, subscription: string | null) =>
  ({ id, object: 'invoice', created, parent: subscription ? { type: 'subscription_details', subscription_details: { subscription, metadata: null }, quote_details: null } : null }) as unknown as Stripe.Invoice;
const payment = (charge: string, inv: Stripe.Invoice | string) => ({ id: `inpay_${charge}`, object: 'invoice_payment', invoice: inv, payment: { type: 'charge', charge } }) as unknown as Stripe.InvoicePayment;
const schedule = {
  id: 'sub_sched_A1',
  phases: [
    { start_date: 100, end_date: 200, application_fee_percent: 8 },
    { start_date: 200, end_date: 300, application_fee_percent: 6 },
  ],
} as unknown as Stripe.SubscriptionSchedule;

describe('from a fee to its schedule', () => {
  it('finds the invoice a charge paid among the payments, only when it is expanded', () => {
    const paid = invoice('in_1', 150, 'sub_1');
    const ch = (id: string) => ({ id, paymentIntent: null });
    expect(invoiceOfCharge([payment('ch_0', invoice('in_0', 120, 'sub_1')), payment('ch_1', paid)], ch('ch_1'))).toBe(paid);
    expect(invoiceOfCharge([payment('ch_1', 'in_1')], ch('ch_1'))).toBeNull();
    expect(invoiceOfCharge([payment('ch_1', paid)], ch('ch_2'))).toBeNull();
  });

  it('finds the invoice paid through the charge’s payment intent, as Stripe names subscription payments', () => {
    const paid = invoice('in_2', 150, 'sub_1');
    const byIntent = { id: 'inpay_pi', object: 'invoice_payment', invoice: paid, payment: { type: 'payment_intent', payment_intent: 'pi_7' } } as unknown as Stripe.InvoicePayment;
    expect(invoiceOfCharge([byIntent], { id: 'ch_7', paymentIntent: 'pi_7' })).toBe(paid);
    expect(invoiceOfCharge([byIntent], { id: 'ch_7', paymentIntent: 'pi_8' })).toBeNull();
    expect(invoiceOfCharge([byIntent], { id: 'ch_7', paymentIntent: null })).toBeNull();
  });

  it('reads the subscription of an invoice, if a subscription made it', () => {
    expect(subscriptionOfInvoice(invoice('in_1', 150, 'sub_1'))).toBe('sub_1');
    expect(subscriptionOfInvoice(invoice('in_1', 150, null))).toBeNull();
  });

  it('names the phase that billed the invoice and its percentage, the boundary going to the phase that starts', () => {
    expect(sourceOnSchedule(schedule, invoice('in_1', 150, 'sub_1'), 'acct_1', 'sub_1')).toMatchObject({ kind: 'schedule', phaseIndex: 0, feePercent: 8 });
    const atBoundary = sourceOnSchedule(schedule, invoice('in_2', 200, 'sub_1'), 'acct_1', 'sub_1');
    expect(atBoundary).toMatchObject({ phaseIndex: 1, feePercent: 6 });
    expect(feeSourceSentence(atBoundary)).toBe('From subscription schedule sub_sched_A1 (phase 2, 6%)');
    expect(scheduleHref(atBoundary)).toBe('/billing/schedules/sub_sched_A1?account=acct_1');
  });

  it('says so plainly otherwise', () => {
    const none = { kind: 'none', reason: 'Not from a subscription: charge ch_1 paid no invoice of account acct_1; it is a one-off charge.' } as const;
    expect(feeSourceSentence(none)).toBe(none.reason);
    expect(scheduleHref(none)).toBeNull();
    expect(feeSourceSentence({ kind: 'subscription', subscriptionId: 'sub_1', accountId: 'acct_1', invoiceId: 'in_1' })).toBe('From subscription sub_1 (invoice in_1), which no schedule manages.');
  });
});
