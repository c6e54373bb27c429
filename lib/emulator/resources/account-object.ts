// The stored account object: Stripe's shape with every field of its sample, and how create and
// update parameters land on it. What is derived (requirements, capabilities) is not stored.
import type Stripe from 'stripe';
import { makeId } from '../core/ids';
import { mergeMetadata } from '../core/params';
import { MINIMUM_DELAY_DAYS } from '../money/delay';
import type { CreateAccountParams, UpdateAccountParams } from './account-params';

type ControllerParams = CreateAccountParams['controller'];

/** The controller Stripe reports for each account type (or built from `controller` params). */
export function controllerFor(type: CreateAccountParams['type'], p: ControllerParams): Stripe.Account.Controller {
  if (type === 'custom') {
    return { type: 'application', is_controller: true, fees: { payer: 'application' }, losses: { payments: 'application' }, requirement_collection: 'application', stripe_dashboard: { type: 'none' } };
  }
  if (type === 'express') {
    return { type: 'application', is_controller: true, fees: { payer: 'application' }, losses: { payments: 'application' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'express' } };
  }
  if (type === 'standard') {
    return { type: 'application', is_controller: true, fees: { payer: 'account' }, losses: { payments: 'stripe' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'full' } };
  }
  const dashboard = p?.stripe_dashboard?.type ?? 'full';
  return {
    type: 'application',
    is_controller: true,
    fees: { payer: p?.fees?.payer === 'application' ? 'application' : 'account' },
    losses: { payments: p?.losses?.payments ?? (dashboard === 'full' ? 'stripe' : 'application') },
    requirement_collection: p?.requirement_collection ?? (dashboard === 'none' ? 'application' : 'stripe'),
    stripe_dashboard: { type: dashboard },
  };
}

export function typeFor(c: Stripe.Account.Controller): Stripe.Account.Type {
  if (c.stripe_dashboard?.type === 'express') return 'express';
  if (c.stripe_dashboard?.type === 'full') return 'standard';
  if (c.requirement_collection === 'application') return 'custom';
  return 'none';
}

const nullAddress = (): Stripe.Address => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

export function blankAccount(id: string, type: Stripe.Account.Type, controller: Stripe.Account.Controller, country: string, currency: string, now: number): Stripe.Account {
  return {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: { amount: null, currency: null, fiscal_year_end: null },
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      support_address: nullAddress(),
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    } as Stripe.Account.BusinessProfile,
    business_type: null,
    capabilities: {},
    charges_enabled: false,
    controller,
    country,
    created: now,
    default_currency: currency,
    details_submitted: false,
    email: null,
    future_requirements: undefined,
    metadata: {},
    payouts_enabled: false,
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: true, cvc_failure: true }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: null },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: MINIMUM_DELAY_DAYS, interval: 'daily' }, statement_descriptor: null },
      sepa_debit_payments: {},
    } as unknown as Stripe.Account.Settings,
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
}

/** Deep-assigns defined values (null included: '' in a request unsets a field). */
function assignDefined(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const cur = target[k];
      const next = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>) : {};
      assignDefined(next, v as Record<string, unknown>);
      target[k] = next;
    } else {
      target[k] = v;
    }
  }
}

function blankPerson(accountId: string, now: number): Stripe.Person {
  return {
    id: makeId('person'),
    object: 'person',
    account: accountId,
    address: nullAddress(),
    created: now,
    dob: { day: null, month: null, year: null },
    email: null,
    first_name: null,
    last_name: null,
    id_number_provided: false,
    metadata: {},
    phone: null,
    relationship: { director: false, executive: false, owner: true, percent_ownership: null, representative: true, title: null, authorizer: false, legal_guardian: false },
    ssn_last_4_provided: false,
    verification: { additional_document: null, details: null, details_code: null, document: null, status: 'unverified' },
  } as unknown as Stripe.Person;
}

/** Lands create/update parameters on the stored account. Secrets become Stripe's "provided" flags. */
export function applyAccountUpdate(account: Stripe.Account, p: UpdateAccountParams, now: number): void {
  if (p.email !== undefined) account.email = p.email;
  if (p.business_type !== undefined) account.business_type = p.business_type;
  if (p.default_currency !== undefined) account.default_currency = p.default_currency.toLowerCase();
  if (p.business_profile) assignDefined(account.business_profile as unknown as Record<string, unknown>, p.business_profile);
  if (p.settings) {
    assignDefined(account.settings as unknown as Record<string, unknown>, p.settings);
    // `minimum` is stored and shown as the number it stands for.
    const schedule = account.settings?.payouts?.schedule as { delay_days: number | string } | undefined;
    if (schedule?.delay_days === 'minimum') schedule.delay_days = MINIMUM_DELAY_DAYS;
  }
  if (p.tos_acceptance) assignDefined(account.tos_acceptance as unknown as Record<string, unknown>, p.tos_acceptance);
  if (p.company) {
    const { tax_id, vat_id, verification, ...rest } = p.company;
    const company = (account.company ?? { address: nullAddress(), name: null, phone: null, tax_id_provided: false, owners_provided: false, directors_provided: false, executives_provided: false, verification: { document: { back: null, details: null, details_code: null, front: null } } }) as unknown as Record<string, unknown>;
    assignDefined(company, rest);
    if (tax_id !== undefined) company.tax_id_provided = true;
    if (vat_id !== undefined) company.vat_id_provided = true;
    if (verification) assignDefined(company, { verification });
    account.company = company as unknown as Stripe.Account.Company;
  }
  if (p.individual) {
    const { id_number, ssn_last_4, metadata, verification, ...rest } = p.individual;
    const person = (account.individual ?? blankPerson(account.id, now)) as unknown as Record<string, unknown>;
    assignDefined(person, rest);
    if (id_number !== undefined) person.id_number_provided = true;
    if (ssn_last_4 !== undefined) person.ssn_last_4_provided = true;
    if (verification) assignDefined(person, { verification });
    person.metadata = mergeMetadata((person.metadata as Record<string, string>) ?? {}, metadata);
    account.individual = person as unknown as Stripe.Person;
  }
}
