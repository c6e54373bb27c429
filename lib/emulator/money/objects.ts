// The money objects as Stripe shapes them (the fields and types of Stripe's own objects, see
// /work/shared/reference/stripe-fixtures3.json), and how each is answered: the lists an object
// embeds (a transfer's reversals, a fee's refunds, a payment's refunds) are the ten newest,
// computed at read time from the tables, with `has_more` and the list's `url`.
import type Stripe from 'stripe';
import type { World } from '../core/world';
import { paymentRefunds } from './store';

export function embeddedList<T>(items: T[], url: string): Stripe.ApiList<T> {
  return { object: 'list', data: items.slice(0, 10), has_more: items.length > 10, url };
}

const emptyAddress = (): Stripe.Address => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

export interface ChargeFields {
  id: string;
  amount: number;
  currency: string;
  created: number;
  livemode: boolean;
  succeeded: boolean;
  balance_transaction: string | null;
  description?: string | null;
  metadata?: Stripe.Metadata;
  application?: string | null;
  application_fee?: string | null;
  application_fee_amount?: number | null;
  on_behalf_of?: string | null;
  transfer_data?: Stripe.Charge.TransferData | null;
  transfer_group?: string | null;
  /** Only destination charges carry `transfer`. */
  transfer?: string;
  source?: Stripe.Card | null;
  payment_method?: string | null;
  payment_method_details?: Stripe.Charge.PaymentMethodDetails | null;
  outcome?: Stripe.Charge.Outcome | null;
  failure_code?: string | null;
  failure_message?: string | null;
  statement_descriptor?: string | null;
  statement_descriptor_suffix?: string | null;
  calculated_statement_descriptor?: string | null;
  receipt_email?: string | null;
  shipping?: Stripe.Charge.Shipping | null;
  source_transfer?: string | null;
  billing_name?: string | null;
}

/** A charge (`ch_`) or a destination payment (`py_`), every field of Stripe's charge present. */
export function chargeObject(f: ChargeFields): Stripe.Charge {
  return {
    id: f.id,
    object: 'charge',
    amount: f.amount,
    amount_captured: f.succeeded ? f.amount : 0,
    amount_refunded: 0,
    application: f.application ?? null,
    application_fee: f.application_fee ?? null,
    application_fee_amount: f.application_fee_amount ?? null,
    balance_transaction: f.balance_transaction,
    billing_details: { address: emptyAddress(), email: null, name: f.billing_name ?? null, phone: null, tax_id: null },
    calculated_statement_descriptor: f.calculated_statement_descriptor ?? null,
    captured: f.succeeded,
    created: f.created,
    currency: f.currency,
    customer: null,
    description: f.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: f.failure_code ?? null,
    failure_message: f.failure_message ?? null,
    fraud_details: {},
    livemode: f.livemode,
    metadata: f.metadata ?? {},
    on_behalf_of: f.on_behalf_of ?? null,
    outcome: f.outcome ?? null,
    paid: f.succeeded,
    payment_intent: null,
    payment_method: f.payment_method ?? null,
    payment_method_details: f.payment_method_details ?? null,
    receipt_email: f.receipt_email ?? null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: embeddedList<Stripe.Refund>([], `/v1/charges/${f.id}/refunds`),
    review: null,
    shipping: f.shipping ?? null,
    source: f.source ?? null,
    source_transfer: f.source_transfer ?? null,
    statement_descriptor: f.statement_descriptor ?? null,
    statement_descriptor_suffix: f.statement_descriptor_suffix ?? null,
    status: f.succeeded ? 'succeeded' : 'failed',
    ...(f.transfer ? { transfer: f.transfer } : {}),
    transfer_data: f.transfer_data ?? null,
    transfer_group: f.transfer_group ?? null,
  };
}

/** A charge as answered: its refunds (for destination payments, the transfer reversals' refunds) embedded. */
export function renderCharge(world: World, charge: Stripe.Charge): Stripe.Charge {
  const refunds = paymentRefunds(world).newestFirstIn(charge.id);
  return { ...charge, refunds: embeddedList(refunds, `/v1/charges/${charge.id}/refunds`) };
}

export function renderTransfer(world: World, transfer: Stripe.Transfer): Stripe.Transfer {
  const reversals = world.transferReversals.newestFirstIn(transfer.id);
  return { ...transfer, reversals: embeddedList(reversals, `/v1/transfers/${transfer.id}/reversals`) };
}

export function renderApplicationFee(world: World, fee: Stripe.ApplicationFee): Stripe.ApplicationFee {
  const refunds = world.feeRefunds.newestFirstIn(fee.id);
  return { ...fee, refunds: embeddedList(refunds, `/v1/application_fees/${fee.id}/refunds`) };
}

/** A statement descriptor from a business name: Latin letters, digits and spaces, upper case, 5 to 22 characters. */
export function descriptorFrom(name: string | null | undefined, fallback: string): string {
  const clean = (name ?? '').toUpperCase().replace(/[^A-Z0-9 .-]/g, '').replace(/\s+/g, ' ').trim().slice(0, 22).trim();
  return clean.length >= 5 ? clean : fallback;
}

/** What the customer's statement shows: the account's descriptor, or its prefix and the charge's suffix. */
export function calculatedDescriptor(accountDescriptor: string, suffix: string | undefined): string {
  if (!suffix) return accountDescriptor.slice(0, 22);
  const prefix = accountDescriptor.slice(0, 10).trim();
  return `${prefix}* ${suffix.toUpperCase()}`.slice(0, 22).trim();
}
