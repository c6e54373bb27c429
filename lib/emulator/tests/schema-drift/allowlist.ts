// Deliberate differences between the emulator's parameter schemas and the `stripe` package's
// declarations, each with its reason (the emulator README's "Schema drift" section sums them up).
// An entry that no longer matches a difference fails the test too: remove it when the drift is gone.
import type { DriftKind } from './compare';

export interface AllowedDrift {
  routes: readonly string[];
  kind: DriftKind;
  /** Parameters in bracket notation; for enum kinds `param=value`. */
  params: readonly string[];
  reason: string;
}

const ACCOUNT_WRITES = ['POST /v1/accounts', 'POST /v1/accounts/:account'];
const SCHEDULE_WRITES = ['POST /v1/subscription_schedules', 'POST /v1/subscription_schedules/:schedule'];
const CUSTOMER_WRITES = ['POST /v1/customers', 'POST /v1/customers/:customer'];

export const ALLOWED_DRIFT: readonly AllowedDrift[] = [
  // Required here, optional in the SDK (whose OpenAPI source marks them optional).
  {
    routes: ['POST /v1/charges'],
    kind: 'required',
    params: ['amount', 'currency'],
    reason: 'Stripe answers a charge without them with `Missing required param`; the SDK types them optional. The emulator refuses as Stripe does.',
  },
  {
    routes: ['POST /v1/transfers'],
    kind: 'required',
    params: ['amount'],
    reason: "Stripe's API reference marks a transfer's amount required; the SDK types it optional. The emulator refuses a transfer without one (parameter_missing).",
  },
  {
    routes: ['POST /v1/prices'],
    kind: 'required',
    params: ['unit_amount'],
    reason: 'Prices are per_unit with an integer unit_amount only: no unit_amount_decimal, custom_unit_amount or tiers, the alternatives that make it optional on Stripe.',
  },
  {
    routes: SCHEDULE_WRITES,
    kind: 'required',
    params: ['phases[][items][][price]'],
    reason: 'A phase item needs its price: price_data and plan (the alternatives) are not modelled.',
  },
  {
    routes: ['POST /v1/transfers/:transfer/reversals/:id'],
    kind: 'undeclared',
    params: ['description'],
    reason: "Stripe's reference (and the SDK's own method comment: \"accepts only metadata and description\") takes description on a reversal update; the SDK's params type omits it.",
  },
  {
    routes: ACCOUNT_WRITES.concat('POST /v1/accounts/:account/external_accounts'),
    kind: 'any-keys',
    params: ['external_account'],
    reason: 'external_account is a token or a hash; the hash is checked in the handler by the bank account or card schema its `object` names (resources/external-accounts.ts), with the same 400s.',
  },
  {
    routes: ['POST /v1/webhook_endpoints', 'POST /v1/webhook_endpoints/:id'],
    kind: 'enum-unchecked',
    params: ['enabled_events[]'],
    reason: "Checked in the handler against events/catalog.ts, the stripe package's own EnabledEvent list, with a 400 naming the item (enabled_events[1]).",
  },
  {
    routes: ['POST /v1/webhook_endpoints'],
    kind: 'enum-unchecked',
    params: ['api_version'],
    reason: 'An endpoint\'s api_version is checked for its form only (README: Known differences); Stripe takes only the versions it released.',
  },
  // Parts of Stripe the emulator does not model (see "Known differences" in the README).
  {
    routes: ACCOUNT_WRITES,
    kind: 'unaccepted',
    params: [
      'capabilities[alma_payments]', 'capabilities[amazon_pay_payments]', 'capabilities[app_distribution]', 'capabilities[billie_payments]', 'capabilities[bizum_payments]',
      'capabilities[blik_recurring_payments]', 'capabilities[boleto_payments]', 'capabilities[crypto_payments]', 'capabilities[fpx_payments]', 'capabilities[gb_bank_transfer_payments]',
      'capabilities[grabpay_payments]', 'capabilities[india_international_payments]', 'capabilities[kakao_pay_payments]', 'capabilities[kr_card_payments]', 'capabilities[mb_way_payments]',
      'capabilities[mobilepay_payments]', 'capabilities[multibanco_payments]', 'capabilities[mx_bank_transfer_payments]', 'capabilities[naver_pay_payments]',
      'capabilities[nz_bank_account_becs_debit_payments]', 'capabilities[pay_by_bank_payments]', 'capabilities[payco_payments]', 'capabilities[paynow_payments]',
      'capabilities[paypay_payments]', 'capabilities[payto_payments]', 'capabilities[pix_payments]', 'capabilities[promptpay_payments]', 'capabilities[revolut_pay_payments]',
      'capabilities[samsung_pay_payments]', 'capabilities[satispay_payments]', 'capabilities[scalapay_payments]', 'capabilities[sequra_payments]', 'capabilities[sunbit_payments]',
      'capabilities[swish_payments]', 'capabilities[twint_payments]', 'capabilities[upi_payments]', 'capabilities[us_bank_transfer_payments]', 'capabilities[wero_payments]',
      'capabilities[zip_payments]',
    ],
    reason: "The emulator knows the capabilities of its seven countries' payment methods (CAPABILITY_NAMES); the others are refused as unknown parameters.",
  },
  {
    routes: ACCOUNT_WRITES,
    kind: 'unaccepted',
    params: [
      'account_token', 'documents', 'groups',
      'business_profile[annual_revenue]', 'business_profile[minority_owned_business_designation]', 'business_profile[monthly_estimated_revenue]',
      'business_profile[specified_commercial_transactions_act_url]',
      'company[administrative_address]', 'company[directorship_declaration]', 'company[export_license_id]', 'company[export_purpose_code]', 'company[ownership_declaration]',
      'company[ownership_exemption_reason]', 'company[physical_address]', 'company[principal_place_of_business]', 'company[registration_date]',
      'company[representative_declaration]', 'company[tax_id_registrar]',
      'individual[full_name_aliases]', 'individual[id_number_secondary]', 'individual[registered_address]', 'individual[relationship]',
      'settings[bacs_debit_payments]', 'settings[card_issuing]', 'settings[card_payments]', 'settings[invoices]', 'settings[paypay_payments]', 'settings[sepa_debit_payments]',
      'settings[treasury]', 'settings[payments][statement_descriptor_kana]', 'settings[payments][statement_descriptor_kanji]',
      'settings[payouts][schedule][monthly_payout_days]', 'settings[payouts][schedule][weekly_payout_days]',
    ],
    reason: 'Not modelled: no requirement of the emulator asks for these fields, and account tokens, account documents and groups do not exist here.',
  },
  {
    routes: CUSTOMER_WRITES,
    kind: 'unaccepted',
    params: ['balance', 'business_name', 'cash_balance', 'individual_name', 'invoice_settings', 'next_invoice_sequence', 'shipping', 'source', 'tax', 'validate'],
    reason: 'Customers carry what billing needs here (README: Billing): no customer balance, cash balance, shipping, tax, sources or invoice settings.',
  },
  { routes: ['POST /v1/customers'], kind: 'unaccepted', params: ['payment_method', 'tax_id_data'], reason: 'No PaymentMethods and no tax ids in the emulator.' },
  { routes: ['POST /v1/customers/:customer'], kind: 'unaccepted', params: ['default_source'], reason: 'No sources in the emulator.' },
  {
    routes: ['POST /v1/products', 'POST /v1/products/:product'],
    kind: 'unaccepted',
    params: ['marketing_features', 'package_dimensions', 'tax_code', 'tax_details'],
    reason: 'Products carry what billing needs; no taxes, shipping dimensions or marketing features.',
  },
  { routes: ['POST /v1/products'], kind: 'unaccepted', params: ['default_price_data', 'type'], reason: "A product's first price becomes its default_price; default_price_data and the legacy `type` (good/service) are not modelled." },
  { routes: ['GET /v1/products'], kind: 'unaccepted', params: ['type'], reason: 'No product types (the legacy good/service).' },
  {
    routes: ['POST /v1/prices'],
    kind: 'unaccepted',
    params: ['currency_options', 'custom_unit_amount', 'tiers', 'tiers_mode', 'transfer_lookup_key', 'transform_quantity', 'unit_amount_decimal', 'product_data[id]', 'product_data[tax_code]', 'product_data[tax_details]'],
    reason: 'Prices are per_unit, one currency, integer amounts, no taxes (README: Billing).',
  },
  { routes: ['POST /v1/prices'], kind: 'enum-missing', params: ['billing_scheme=tiered'], reason: 'No tiered prices (README: Billing).' },
  { routes: ['POST /v1/prices/:price'], kind: 'unaccepted', params: ['currency_options', 'transfer_lookup_key'], reason: 'One currency per price; lookup keys cannot be moved.' },
  {
    routes: SCHEDULE_WRITES,
    kind: 'unaccepted',
    params: [
      'pause_schedules',
      'phases[][items][][billing_thresholds]', 'phases[][items][][discounts]', 'phases[][items][][plan]', 'phases[][items][][price_data]', 'phases[][items][][tax_rates]',
      'phases[][add_invoice_items]', 'phases[][automatic_tax]', 'phases[][billing_cycle_anchor]', 'phases[][billing_thresholds]', 'phases[][collection_method]',
      'phases[][default_payment_method]', 'phases[][default_tax_rates]', 'phases[][discounts]', 'phases[][invoice_settings]', 'phases[][on_behalf_of]', 'phases[][transfer_data]',
      'phases[][trial]', 'phases[][trial_end]',
      'default_settings[automatic_tax]', 'default_settings[billing_thresholds]', 'default_settings[default_payment_method]', 'default_settings[invoice_settings]',
      'default_settings[on_behalf_of]', 'default_settings[transfer_data]',
    ],
    reason: 'Billing is simpler than Stripe\'s (README: Billing): no trials, coupons, taxes, thresholds, invoice items, payment methods or pauses; every invoice is charged automatically.',
  },
  { routes: ['POST /v1/subscription_schedules'], kind: 'unaccepted', params: ['billing_mode', 'customer_account'], reason: 'One billing mode; customers only (no Accounts v2 customer_account).' },
  { routes: ['GET /v1/subscription_schedules', 'GET /v1/invoices'], kind: 'unaccepted', params: ['customer_account'], reason: 'No Accounts v2 customer_account.' },
  { routes: ['GET /v1/invoices'], kind: 'unaccepted', params: ['due_date'], reason: 'Invoices are charged automatically, so none has a due date to filter by.' },
  {
    routes: ['GET /v1/subscriptions'],
    kind: 'unaccepted',
    params: ['automatic_tax', 'collection_method', 'current_period_end', 'current_period_start', 'customer_account', 'plan'],
    reason: 'Filters on what is not modelled (taxes, send_invoice, plans, Accounts v2) or not indexed (period ranges).',
  },
  { routes: SCHEDULE_WRITES, kind: 'enum-missing', params: ['end_behavior=none', 'end_behavior=renew'], reason: '`end_behavior` takes release or cancel only (README: Billing).' },
  { routes: SCHEDULE_WRITES, kind: 'enum-missing', params: ['default_settings[collection_method]=send_invoice'], reason: 'No send_invoice: every invoice is charged automatically.' },
  {
    routes: SCHEDULE_WRITES,
    kind: 'undeclared',
    params: ['phases[][iterations]'],
    reason: 'iterations is accepted before 2025-09-30.clover; from clover (the pinned version among them) the handler refuses it with parameter_unknown, as Stripe (billing/schedules.ts).',
  },
  {
    routes: ['POST /v1/subscription_schedules'],
    kind: 'undeclared',
    params: ['phases[][start_date]'],
    reason: 'One phase schema serves create and update; on create the handler refuses phases[0][start_date] (the schedule has start_date) and later phases start where the one before ends.',
  },
  {
    routes: ['POST /v1/subscription_schedules'],
    kind: 'enum-extra',
    params: ['phases[][end_date]=now'],
    reason: "One phase schema serves create and update, where Stripe takes end_date=now; on create 'now' is the moment of the request, refused unless the phase started before it.",
  },
  {
    routes: ['GET /v1/invoice_payments'],
    kind: 'enum-extra',
    params: ['payment[type]=charge'],
    reason: "There are no PaymentIntents: an invoice's payment is payment.type charge (README: Billing), so the list filters by it.",
  },
];
