// The billing objects as Stripe answers them (the fields of Stripe's samples,
// /work/shared/reference/stripe-fixtures3.json, at the pinned version's types): plans derived from
// prices, schedule phases, subscriptions and their items, invoices and their lines.
import type Stripe from 'stripe';
type Decimal = NonNullable<Stripe.Price['unit_amount_decimal']>;

/** A price's interval (`day`, `week`, `month`, `year`). */
export type Interval = Stripe.Price.Recurring.Interval;

/** `ts` moved forward by `count` intervals; months and years keep the day of month, clamped to the month's last day (as Stripe bills). */
export function addInterval(ts: number, interval: Interval, count: number): number {
  if (interval === 'day') return ts + count * 86400;
  if (interval === 'week') return ts + count * 7 * 86400;
  const d = new Date(ts * 1000);
  const months = interval === 'month' ? count : count * 12;
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return Math.floor(target.getTime() / 1000);
}

export const decimal = (n: number): Decimal => String(n) as unknown as Decimal;

/** The legacy Plan a recurring price stands for (Stripe still shows it on items). */
export function planOf(price: Stripe.Price): Stripe.Plan {
  const r = price.recurring!;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: decimal(price.unit_amount ?? 0),
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: r.interval,
    interval_count: r.interval_count,
    livemode: price.livemode,
    metadata: price.metadata,
    meter: r.meter,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: r.trial_period_days,
    usage_type: r.usage_type,
  };
}

export interface PhaseItemInput {
  price: Stripe.Price;
  quantity: number | undefined;
  metadata: Stripe.Metadata;
}

export function phaseItem(i: PhaseItemInput): Stripe.SubscriptionSchedule.Phase.Item {
  const metered = i.price.recurring?.usage_type === 'metered';
  return {
    billing_thresholds: null,
    discounts: [],
    metadata: i.metadata,
    plan: planOf(i.price),
    price: i.price.id,
    ...(metered ? {} : { quantity: i.quantity ?? 1 }),
    tax_rates: [],
  };
}

export function phaseObject(p: {
  start: number;
  end: number;
  currency: string;
  items: Stripe.SubscriptionSchedule.Phase.Item[];
  feePercent: number | null;
  description: string | null;
  metadata: Stripe.Metadata;
  proration: Stripe.SubscriptionSchedule.Phase.ProrationBehavior;
}): Stripe.SubscriptionSchedule.Phase {
  return {
    add_invoice_items: [],
    application_fee_percent: p.feePercent,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: null,
    currency: p.currency,
    default_payment_method: null,
    default_tax_rates: [],
    description: p.description,
    discounts: [],
    end_date: p.end,
    invoice_settings: null,
    items: p.items,
    metadata: p.metadata,
    on_behalf_of: null,
    proration_behavior: p.proration,
    start_date: p.start,
    transfer_data: null,
    trial_end: null,
  };
}

export function defaultSettings(d: { feePercent: number | null; description: string | null; anchor: 'automatic' | 'phase_start' }): Stripe.SubscriptionSchedule.DefaultSettings {
  return {
    application_fee_percent: d.feePercent,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: d.anchor,
    billing_thresholds: null,
    collection_method: 'charge_automatically',
    default_payment_method: null,
    description: d.description,
    invoice_settings: { account_tax_ids: null, custom_fields: null, days_until_due: null, description: null, footer: null, issuer: { type: 'self' } },
    on_behalf_of: null,
    transfer_data: null,
  };
}

export function subscriptionItemObject(f: { id: string; created: number; price: Stripe.Price; quantity: number | undefined; metadata: Stripe.Metadata; subscription: string; start: number; end: number }): Stripe.SubscriptionItem {
  const metered = f.price.recurring?.usage_type === 'metered';
  return {
    id: f.id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: f.created,
    current_period_end: f.end,
    current_period_start: f.start,
    current_trial: null,
    discounts: [],
    metadata: f.metadata,
    plan: planOf(f.price),
    price: f.price,
    ...(metered ? {} : { quantity: f.quantity ?? 1 }),
    subscription: f.subscription,
    tax_rates: [],
  };
}

export function subscriptionObject(f: {
  id: string;
  created: number;
  customer: string;
  currency: string;
  start: number;
  anchor: number;
  items: Stripe.SubscriptionItem[];
  schedule: string | null;
  testClock: string | null;
  feePercent: number | null;
  description: string | null;
  metadata: Stripe.Metadata;
  livemode: boolean;
  application: string | null;
  cancelAt: number | null;
}): Stripe.Subscription {
  return {
    id: f.id,
    object: 'subscription',
    application: f.application,
    application_fee_percent: f.feePercent,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: f.anchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: f.cancelAt,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: f.created,
    currency: f.currency,
    customer: f.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: f.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
    items: itemsList(f.id, f.items),
    latest_invoice: null,
    livemode: f.livemode,
    managed_payments: null,
    metadata: f.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: f.schedule,
    start_date: f.start,
    status: 'active',
    test_clock: f.testClock,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: 'unchanged', missing_payment_method: 'create_invoice' } },
    trial_start: null,
  };
}

export function itemsList(subscription: string, items: Stripe.SubscriptionItem[]): Stripe.ApiList<Stripe.SubscriptionItem> {
  return { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${subscription}` };
}

export interface LineInput {
  id: string;
  item: Stripe.SubscriptionItem;
  quantity: number;
  start: number;
  end: number;
}

export function lineObject(l: LineInput, invoice: string, subscription: string, livemode: boolean): Stripe.InvoiceLineItem {
  const price = l.item.price;
  const amount = (price.unit_amount ?? 0) * l.quantity;
  const product = typeof price.product === 'string' ? price.product : price.product.id;
  const name = price.nickname ?? product;
  return {
    id: l.id,
    object: 'line_item',
    amount,
    currency: price.currency,
    description: `${l.quantity} × ${name} (at ${((price.unit_amount ?? 0) / 100).toFixed(2)} ${price.currency.toUpperCase()} / ${price.recurring?.interval ?? 'unit'})`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice,
    livemode,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription, subscription_item: l.item.id },
      type: 'subscription_item_details',
    },
    period: { end: l.end, start: l.start },
    pretax_credit_amounts: [],
    pricing: { price_details: { price: price.id, product }, type: 'price_details', unit_amount_decimal: decimal(price.unit_amount ?? 0) },
    quantity: l.quantity,
    quantity_decimal: decimal(l.quantity),
    subscription,
    subtotal: amount,
    taxes: [],
  };
}

export function invoiceObject(f: {
  id: string;
  number: string;
  created: number;
  customer: Stripe.Customer;
  subscription: string;
  lines: Stripe.InvoiceLineItem[];
  reason: Stripe.Invoice.BillingReason;
  periodStart: number;
  periodEnd: number;
  accountCountry: string | null;
  accountName: string | null;
  application: string | null;
  testClock: string | null;
  livemode: boolean;
  currency: string;
}): Stripe.Invoice & { subscription: string } {
  const total = f.lines.reduce((s, l) => s + l.amount, 0);
  const c = f.customer;
  return {
    id: f.id,
    object: 'invoice',
    account_country: f.accountCountry,
    account_name: f.accountName,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: f.application,
    attempt_count: 0,
    attempted: false,
    auto_advance: false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: f.reason,
    collection_method: 'charge_automatically',
    created: f.created,
    currency: f.currency,
    custom_fields: null,
    customer: c.id,
    customer_account: null,
    customer_address: c.address ?? null,
    customer_email: c.email,
    customer_name: c.name ?? null,
    customer_phone: c.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: c.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: f.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: f.lines, has_more: false, url: `/v1/invoices/${f.id}/lines` },
    livemode: f.livemode,
    metadata: {},
    next_payment_attempt: null,
    number: f.number,
    on_behalf_of: null,
    parent: { quote_details: null, subscription_details: { metadata: null, subscription: f.subscription }, type: 'subscription_details' },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: f.periodEnd,
    period_start: f.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'open',
    status_transitions: { finalized_at: f.created, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    // Gone from the pinned version's type (it moved to parent.subscription_details), still in Stripe's sample.
    subscription: f.subscription,
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: f.testClock,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: f.created,
  };
}
