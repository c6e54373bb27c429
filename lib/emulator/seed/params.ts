// Request parameters for a demo business, in the SDK's shape: POST /v1/accounts, persons and
// external accounts. `Provide` says what the account holder has given so far; the requirements
// engine derives everything else (currently_due, past_due, capability statuses) from it.
import { makeId } from '../core/ids';
import { ONBOARDING_SOURCES } from './catalog';
import { USER_AGENTS, type Country } from './names';
import { ascii, between, pick, type Business, type Human, type Relationship, type Rng } from './profile';

export interface Provide {
  /** Nothing but an e-mail (onboarding not started). */
  bare: boolean;
  /** The representative's (or individual's) details beyond name and e-mail: dob, address, phone, SSN last 4. */
  details: boolean;
  /** The country's additional fields: ID number, identity documents, company document. */
  additional: boolean;
  /** Identity documents that Stripe's test files verify, or only uploaded (under review or failed). */
  docs: 'verified' | 'uploaded';
  tos: boolean;
  external: boolean;
  /** Owners, directors and executives declared (company.*_provided). */
  ownership: boolean;
  /** Several payout destinations (other currencies, debit cards). */
  multiCurrency: boolean;
}

export const FULL: Provide = { bare: false, details: true, additional: true, docs: 'verified', tos: true, external: true, ownership: true, multiCurrency: false };

const EU = ['GB', 'DE', 'FR'];

function document(rng: Rng, provide: Provide, withBack: boolean) {
  const file = () => (provide.docs === 'verified' ? 'file_identity_document_success' : makeId('file', rng));
  return { front: file(), ...(withBack ? { back: file() } : {}) };
}

/** The identity of a person or an individual, as far as `provide` goes. */
export function identityParams(rng: Rng, h: Human, country: Country, provide: Provide): Record<string, unknown> {
  const out: Record<string, unknown> = { first_name: h.first, last_name: h.last, email: h.email };
  if (h.jp) Object.assign(out, { first_name_kana: h.jp.first.kana, first_name_kanji: h.jp.first.kanji, last_name_kana: h.jp.last.kana, last_name_kanji: h.jp.last.kanji });
  if (!provide.details) return out;
  out.dob = h.dob;
  out.phone = h.phone;
  if (h.jpAddress) Object.assign(out, { address_kana: h.jpAddress.kana, address_kanji: h.jpAddress.kanji });
  else out.address = h.address;
  // SSN last 4 `0000` (with no full number) is Stripe's test value that verifies.
  if (country === 'US') out.ssn_last_4 = provide.docs === 'verified' ? '0000' : String(between(rng, 1000, 9999));
  if (!provide.additional) return out;
  if (country === 'US') out.id_number = provide.docs === 'verified' ? '000000000' : String(between(rng, 100000000, 899999999));
  out.verification = {
    document: document(rng, provide, rng(2) === 0),
    ...(EU.includes(country) ? { additional_document: document(rng, provide, false) } : {}),
  };
  return out;
}

export function personParams(rng: Rng, h: Human, rel: Relationship, country: Country, provide: Provide): Record<string, unknown> {
  return {
    ...identityParams(rng, h, country, provide),
    relationship: rel,
    ...(provide.details ? { nationality: country } : {}),
    metadata: { source: 'onboarding_form' },
  };
}

function companyParams(rng: Rng, b: Business, provide: Provide): Record<string, unknown> {
  const digits = (n: number) => Array.from({ length: n }, () => rng(10)).join('');
  const taxId: Record<Country, () => string> = {
    US: () => (provide.docs === 'verified' ? '000000000' : `${digits(2)}-${digits(7)}`),
    GB: () => digits(10),
    DE: () => `${digits(2)}/${digits(3)}/${digits(5)}`,
    FR: () => digits(9),
    CA: () => digits(9),
    AU: () => digits(11),
    JP: () => digits(13),
  };
  const registration: Partial<Record<Country, () => string>> = {
    GB: () => digits(8),
    DE: () => `HRB ${between(rng, 10000, 250000)}`,
    FR: () => `${digits(3)} ${digits(3)} ${digits(3)} R.C.S. ${b.address.city}`,
    AU: () => digits(9),
  };
  const out: Record<string, unknown> = { name: b.legalName, phone: b.phone, tax_id: taxId[b.country]() };
  if (b.jpAddress) Object.assign(out, { address_kana: b.jpAddress.kana, address_kanji: b.jpAddress.kanji, name_kana: b.jpName!.kana, name_kanji: b.jpName!.kanji });
  else out.address = b.address;
  const reg = registration[b.country];
  if (reg) out.registration_number = reg();
  if (EU.includes(b.country)) out.vat_id = `${b.country}${digits(9)}`;
  if (provide.ownership) Object.assign(out, { owners_provided: true, directors_provided: true, executives_provided: true });
  if (provide.additional) out.verification = { document: { front: provide.docs === 'verified' ? 'file_identity_document_success' : makeId('file', rng) } };
  return out;
}

/** A statement descriptor Stripe accepts: 5-22 Latin letters, digits and spaces. */
function descriptor(b: Business): string {
  const words = (b.locale === 'ja' ? b.legalName : b.tradingName).split(/\s+/).map(ascii).filter(Boolean);
  return words.join(' ').toUpperCase().slice(0, 22).trim();
}

/** POST /v1/accounts parameters for `b`, created at `created`. */
export function accountParams(
  rng: Rng,
  b: Business,
  o: { type: 'custom' | 'express' | 'standard'; provide: Provide; capabilities: Record<string, { requested: boolean }>; created: number; internalId: string; riskScore: number },
): Record<string, unknown> {
  const { provide } = o;
  // Most accounts carry the platform's own bookkeeping; some were made before it existed.
  const metadata = rng(5) === 0 ? {} : {
    internal_id: o.internalId,
    segment: b.vertical.segment,
    risk_score: String(o.riskScore),
    onboarding_source: pick(rng, ONBOARDING_SOURCES),
    ...(rng(3) === 0 ? { account_manager: pick(rng, ['a.okafor', 'j.lindqvist', 'm.tanaka', 's.dubois', 'r.mehta']) } : {}),
  };
  const base = { type: o.type, country: b.country, email: b.email, capabilities: o.capabilities, metadata };
  if (provide.bare) return rng(2) === 0 ? { ...base, business_type: b.kind } : base;

  const lead = b.people[0].human;
  const url = `https://www.${b.domain}`;
  const interval = pick(rng, ['daily', 'daily', 'weekly', 'monthly', 'manual'] as const);
  const schedule =
    interval === 'weekly' ? { interval, weekly_anchor: pick(rng, ['monday', 'wednesday', 'friday']) } : interval === 'monthly' ? { interval, monthly_anchor: between(rng, 1, 28) } : { interval };
  return {
    ...base,
    business_type: b.kind,
    business_profile: {
      mcc: b.vertical.mcc,
      name: b.tradingName,
      url,
      product_description: b.vertical.description,
      support_email: `support@${b.domain}`,
      support_phone: b.phone,
      support_url: `${url}/help`,
      ...(b.kind === 'company' ? { estimated_worker_count: between(rng, 2, 180) } : {}),
    },
    ...(b.kind === 'company' ? { company: companyParams(rng, b, provide) } : { individual: identityParams(rng, lead, b.country, provide) }),
    ...(provide.tos
      ? { tos_acceptance: { date: o.created + between(rng, 60, 3600), ip: `${pick(rng, ['203.0.113', '198.51.100', '192.0.2'])}.${between(rng, 2, 254)}`, user_agent: pick(rng, USER_AGENTS) } }
      : {}),
    settings: {
      payments: { statement_descriptor: descriptor(b) },
      payouts: { schedule },
      ...(rng(3) === 0 ? { branding: { primary_color: pick(rng, ['#1f6feb', '#0e7c66', '#b3261e', '#6b4fbb', '#d97706']) } } : {}),
    },
  };
}

/** External accounts (bank accounts, debit cards) in the shapes POST .../external_accounts takes; test numbers in test mode. */
export function externalAccounts(rng: Rng, b: Business, o: { multi: boolean; live: boolean; nowYear: number }): Record<string, unknown>[] {
  const { multi, live } = o;
  const holder = { account_holder_name: b.legalName, account_holder_type: b.kind };
  const bank = (country: string, currency: string, account_number: string, routing_number?: string) => ({
    object: 'bank_account', country, currency, account_number, ...(routing_number ? { routing_number } : {}), ...holder,
  });
  const usBank = (n = '000123456789') => bank('US', 'usd', live ? String(between(rng, 100000000, 999999999)) + '01' : n, '110000000');
  const iban = (cc: string) => (live ? (cc === 'FR' ? 'FR1420041010050500013M02606' : 'DE89370400440532013000') : `${cc}89370400440532013000`);
  const card = (number: string, currency: string) => ({
    object: 'card', number, exp_month: between(rng, 1, 12), exp_year: o.nowYear + between(rng, 2, 5), cvc: String(between(rng, 100, 999)), currency, name: b.people[0].human.first + ' ' + b.people[0].human.last,
  });
  const debit = () => pick(rng, ['4000056655665556', '5200828282828210', '6011981111111113']);
  switch (b.country) {
    case 'US':
      // Test mode takes only Stripe's test numbers: a second US bank account is the one whose payouts fail for lack of funds.
      return [usBank(), ...(multi ? [card(debit(), 'usd'), ...(live ? [] : [usBank('000222222227')])] : [])];
    case 'CA':
      return [bank('CA', 'cad', live ? '0001234567' : '000123456789', '11000-000'), ...(multi ? [usBank(), ...(live ? [] : [card(debit(), 'cad')])] : [])];
    case 'GB':
      return [bank('GB', 'gbp', live ? String(between(rng, 10000000, 99999999)) : '00012345', '108800'), ...(multi ? [bank('IE', 'eur', live ? 'IE29AIBK93115212345678' : iban('IE')), usBank()] : [])];
    case 'DE':
      return [bank('DE', 'eur', iban('DE')), ...(multi ? [bank('FR', 'eur', iban('FR')), bank('GB', 'gbp', '00012345', '108800')] : [])];
    case 'FR':
      return [bank('FR', 'eur', iban('FR')), ...(multi ? [bank('DE', 'eur', iban('DE')), usBank()] : [])];
    case 'AU':
      return [bank('AU', 'aud', `000${between(rng, 100000, 999999)}`, '110000'), ...(multi ? [bank('AU', 'aud', `00${between(rng, 1000000, 9999999)}`, '110000'), bank('AU', 'usd', `000${between(rng, 100000, 999999)}`, '110000')] : [])];
    case 'JP':
      return [bank('JP', 'jpy', String(between(rng, 1000000, 9999999)), '1100000'), ...(multi ? [bank('JP', 'jpy', String(between(rng, 1000000, 9999999)), '0005123')] : [])];
  }
}
