// The parameters of POST /v1/accounts and POST /v1/accounts/:id, as Stripe takes them.
import { z } from 'zod';
import { bool, emptyableHash, expand, hash, int, metadata, oneOf, str, unsettableStr } from '../core/params';

export const CAPABILITY_NAMES = [
  'acss_debit_payments', 'affirm_payments', 'afterpay_clearpay_payments', 'au_becs_debit_payments', 'bacs_debit_payments',
  'bancontact_payments', 'bank_transfer_payments', 'blik_payments', 'card_issuing', 'card_payments', 'cartes_bancaires_payments',
  'cashapp_payments', 'eps_payments', 'giropay_payments', 'ideal_payments', 'jcb_payments', 'jp_bank_transfer_payments',
  'klarna_payments', 'konbini_payments', 'legacy_payments', 'link_payments', 'oxxo_payments', 'p24_payments',
  'sepa_bank_transfer_payments', 'sepa_debit_payments', 'sofort_payments', 'tax_reporting_us_1099_k',
  'tax_reporting_us_1099_misc', 'transfers', 'treasury', 'us_bank_account_ach_payments',
] as const;

export const address = () =>
  emptyableHash({
    city: unsettableStr({ max: 100 }).optional(),
    country: unsettableStr({ max: 2 }).optional(),
    line1: unsettableStr({ max: 200 }).optional(),
    line2: unsettableStr({ max: 200 }).optional(),
    postal_code: unsettableStr({ max: 20 }).optional(),
    state: unsettableStr({ max: 100 }).optional(),
  });

const japaneseAddress = () =>
  emptyableHash({
    city: unsettableStr().optional(),
    country: unsettableStr().optional(),
    line1: unsettableStr().optional(),
    line2: unsettableStr().optional(),
    postal_code: unsettableStr().optional(),
    state: unsettableStr().optional(),
    town: unsettableStr().optional(),
  });

export const dob = () => emptyableHash({ day: int({ min: 1, max: 31 }), month: int({ min: 1, max: 12 }), year: int({ min: 1900, max: 2100 }) });

const document = () => hash({ front: str().optional(), back: str().optional() });

export const individualParams = hash({
  address: address().optional(),
  address_kana: japaneseAddress().optional(),
  address_kanji: japaneseAddress().optional(),
  dob: dob().optional(),
  email: unsettableStr().optional(),
  first_name: unsettableStr({ max: 100 }).optional(),
  first_name_kana: unsettableStr().optional(),
  first_name_kanji: unsettableStr().optional(),
  gender: unsettableStr().optional(),
  id_number: str().optional(),
  last_name: unsettableStr({ max: 100 }).optional(),
  last_name_kana: unsettableStr().optional(),
  last_name_kanji: unsettableStr().optional(),
  maiden_name: unsettableStr().optional(),
  metadata: metadata().optional(),
  phone: unsettableStr().optional(),
  political_exposure: oneOf(['existing', 'none']).optional(),
  ssn_last_4: str({ max: 4 }).optional(),
  verification: hash({ document: document().optional(), additional_document: document().optional() }).optional(),
});

const companyParams = hash({
  address: address().optional(),
  address_kana: japaneseAddress().optional(),
  address_kanji: japaneseAddress().optional(),
  directors_provided: bool().optional(),
  executives_provided: bool().optional(),
  name: unsettableStr({ max: 100 }).optional(),
  name_kana: unsettableStr().optional(),
  name_kanji: unsettableStr().optional(),
  owners_provided: bool().optional(),
  phone: unsettableStr().optional(),
  registration_number: str().optional(),
  structure: unsettableStr().optional(),
  tax_id: str().optional(),
  vat_id: str().optional(),
  verification: hash({ document: document().optional() }).optional(),
});

const businessProfile = hash({
  mcc: unsettableStr({ max: 4 }).optional(),
  name: unsettableStr({ max: 500 }).optional(),
  product_description: unsettableStr({ max: 40000 }).optional(),
  support_address: address().optional(),
  support_email: unsettableStr().optional(),
  support_phone: unsettableStr().optional(),
  support_url: unsettableStr().optional(),
  url: unsettableStr({ max: 5000 }).optional(),
  estimated_worker_count: int({ min: 0 }).optional(),
});

const capabilities = hash(Object.fromEntries(CAPABILITY_NAMES.map((n) => [n, hash({ requested: bool().optional() }).optional()])));

const settings = hash({
  payouts: hash({
    debit_negative_balances: bool().optional(),
    schedule: hash({
      delay_days: z.union([z.literal('minimum'), int({ min: 0, max: 365 })]).optional(),
      interval: oneOf(['daily', 'manual', 'monthly', 'weekly']).optional(),
      monthly_anchor: int({ min: 1, max: 31 }).optional(),
      weekly_anchor: oneOf(['friday', 'monday', 'saturday', 'sunday', 'thursday', 'tuesday', 'wednesday']).optional(),
    }).optional(),
    statement_descriptor: unsettableStr({ max: 22 }).optional(),
  }).optional(),
  payments: hash({ statement_descriptor: unsettableStr({ max: 22 }).optional() }).optional(),
  branding: hash({ primary_color: unsettableStr().optional(), secondary_color: unsettableStr().optional(), icon: str().optional(), logo: str().optional() }).optional(),
}).optional();

const tosAcceptance = hash({
  date: int({ min: 0 }).optional(),
  ip: str().optional(),
  user_agent: unsettableStr().optional(),
  service_agreement: oneOf(['full', 'recipient']).optional(),
});

/** The external account as given: a token or a hash (the external accounts module checks it). */
const externalAccount = z.union([z.string(), z.record(z.string(), z.string())]);

const common = {
  business_profile: businessProfile.optional(),
  business_type: oneOf(['company', 'government_entity', 'individual', 'non_profit']).optional(),
  capabilities: capabilities.optional(),
  company: companyParams.optional(),
  default_currency: str({ max: 3 }).optional(),
  email: str().optional(),
  expand: expand(),
  external_account: externalAccount.optional(),
  individual: individualParams.optional(),
  metadata: metadata().optional(),
  settings,
  tos_acceptance: tosAcceptance.optional(),
};

export const createAccountParams = hash({
  ...common,
  type: oneOf(['custom', 'express', 'standard']).optional(),
  country: str({ max: 2 }).optional(),
  controller: hash({
    fees: hash({ payer: oneOf(['account', 'application']).optional() }).optional(),
    losses: hash({ payments: oneOf(['application', 'stripe']).optional() }).optional(),
    requirement_collection: oneOf(['application', 'stripe']).optional(),
    stripe_dashboard: hash({ type: oneOf(['express', 'full', 'none']).optional() }).optional(),
  }).optional(),
});

export const updateAccountParams = hash(common);

export type CreateAccountParams = z.output<typeof createAccountParams>;
export type UpdateAccountParams = z.output<typeof updateAccountParams>;
