// The Country Specs the emulator knows: for each country Stripe supports here, its currencies,
// payment methods, transfer destinations and the verification fields an account must provide.
// Values follow Stripe's published country specs (GET /v1/country_specs answers and the API
// reference sample); field paths are dotted exactly as Stripe writes them, because the
// requirements engine compares them with what each account has, field by field.
import type Stripe from 'stripe';

type Details = Stripe.CountrySpec.VerificationFields.Individual;

// ---------------------------------------------------------------------------------------------
// Field-path helpers. Stripe lists verification fields sorted, so every list is built with `fields`.

/** `prefix.a`, `prefix.b`, ... */
const under = (prefix: string, ...names: readonly string[]): string[] => names.map((n) => `${prefix}.${n}`);

/** `who.address.city`, ... (or `who.address_kana.city` with another key). */
const address = (who: string, parts: readonly string[], key = 'address'): string[] => under(`${who}.${key}`, ...parts);

const dob = (who: string): string[] => under(`${who}.dob`, 'day', 'month', 'year');

/** A person Stripe must identify: address, date of birth, email and legal name, plus `more`. */
const person = (who: string, addressParts: readonly string[], ...more: string[]): string[] => [
  ...address(who, addressParts),
  ...dob(who),
  ...under(who, 'email', 'first_name', 'last_name', ...more),
];

/** One sorted list without duplicates, as Stripe answers it. */
const fields = (...groups: (string | readonly string[])[]): string[] => [...new Set(groups.flat())].sort();

const details = (minimum: string[], additional: string[]): Details => ({ minimum, additional: fields(additional) });

const TOS = ['tos_acceptance.date', 'tos_acceptance.ip'];
const PROFILE = ['business_profile.mcc', 'business_profile.url'];
const START = [...PROFILE, 'business_type', 'external_account'];

const CITY_LINE_POSTAL = ['city', 'line1', 'postal_code'];
const WITH_STATE = ['city', 'line1', 'postal_code', 'state'];
/** Ireland: the county (`state`) is asked for, the Eircode is not. */
const IRISH = ['city', 'line1', 'state'];
const SINGAPOREAN = ['line1', 'postal_code'];
const JAPANESE = ['city', 'line1', 'postal_code', 'state', 'town'];

// ---------------------------------------------------------------------------------------------
// Verification fields, by the shape each region's rules take.

/** EEA, UK and Switzerland (and New Zealand, whose spec lists the same fields). */
function european(addr: readonly string[]): Stripe.CountrySpec.VerificationFields {
  return {
    individual: details(
      fields(START, person('individual', addr, 'phone'), TOS),
      under('individual.verification', 'additional_document', 'document'),
    ),
    company: details(
      fields(
        START,
        address('company', addr),
        under('company', 'directors_provided', 'executives_provided', 'name', 'owners_provided', 'phone', 'tax_id'),
        person('directors', [], 'relationship.title'),
        person('executives', addr, 'verification.additional_document', 'verification.document'),
        person('owners', addr, 'verification.additional_document', 'verification.document'),
        person('representative', addr, 'phone', 'relationship.executive', 'relationship.title'),
        TOS,
      ),
      ['company.verification.document', ...under('representative.verification', 'additional_document', 'document')],
    ),
  };
}

/**
 * United States. SSN last 4 is asked of everyone; the full SSN and an identity document only of
 * those Stripe cannot verify from it, so they are `additional`.
 */
const US_FIELDS: Stripe.CountrySpec.VerificationFields = {
  individual: details(
    fields(START, person('individual', WITH_STATE, 'phone', 'ssn_last_4'), TOS),
    under('individual', 'id_number', 'verification.document'),
  ),
  company: details(
    fields(
      START,
      address('company', WITH_STATE),
      under('company', 'name', 'owners_provided', 'phone', 'tax_id'),
      person('owners', WITH_STATE, 'phone', 'ssn_last_4'),
      person('representative', WITH_STATE, 'phone', 'relationship.executive', 'relationship.title', 'ssn_last_4'),
      TOS,
    ),
    [...under('owners', 'id_number', 'verification.document'), ...under('representative', 'id_number', 'verification.document')],
  ),
};

/** Canada: no business profile, email or phone in the minimum; no owners or directors. */
const CA_FIELDS: Stripe.CountrySpec.VerificationFields = {
  individual: details(
    fields('business_type', 'external_account', address('individual', WITH_STATE), dob('individual'), under('individual', 'first_name', 'last_name'), TOS),
    ['individual.verification.document'],
  ),
  company: details(
    fields(
      'business_type',
      'external_account',
      address('company', WITH_STATE),
      under('company', 'name', 'tax_id'),
      address('representative', WITH_STATE),
      dob('representative'),
      under('representative', 'first_name', 'last_name'),
      TOS,
    ),
    ['representative.verification.document'],
  ),
};

const AU_FIELDS: Stripe.CountrySpec.VerificationFields = {
  individual: details(fields(START, person('individual', WITH_STATE, 'phone'), TOS), ['individual.verification.document']),
  company: details(
    fields(
      START,
      address('company', WITH_STATE),
      under('company', 'directors_provided', 'executives_provided', 'name', 'owners_provided', 'phone', 'registration_number', 'tax_id'),
      person('directors', [], 'relationship.title'),
      person('executives', WITH_STATE, 'relationship.title', 'verification.document'),
      person('owners', WITH_STATE, 'relationship.percent_ownership', 'relationship.title', 'verification.document'),
      person('representative', WITH_STATE, 'phone', 'relationship.executive', 'relationship.title'),
      TOS,
    ),
    ['company.verification.document', 'representative.verification.document'],
  ),
};

/** Japan: names and addresses in kana and kanji instead of the romanised ones. */
const japaneseAddress = (who: string) => [...address(who, JAPANESE, 'address_kana'), ...address(who, JAPANESE, 'address_kanji')];
const japaneseName = (who: string) => under(who, 'first_name_kana', 'first_name_kanji', 'last_name_kana', 'last_name_kanji');
const JP_START = [...START, 'business_profile.product_description'];

const JP_FIELDS: Stripe.CountrySpec.VerificationFields = {
  individual: details(
    fields(JP_START, japaneseAddress('individual'), dob('individual'), japaneseName('individual'), under('individual', 'email', 'phone'), TOS),
    ['individual.verification.document'],
  ),
  company: details(
    fields(
      JP_START,
      japaneseAddress('company'),
      under('company', 'directors_provided', 'name', 'name_kana', 'name_kanji', 'phone', 'tax_id'),
      dob('directors'),
      japaneseName('directors'),
      japaneseAddress('representative'),
      dob('representative'),
      japaneseName('representative'),
      under('representative', 'email', 'phone', 'relationship.title'),
      TOS,
    ),
    ['company.verification.document', 'representative.verification.document'],
  ),
};

/** Singapore: NRIC/FIN (`id_number`), nationality and name aliases; no city. */
const SG_FIELDS: Stripe.CountrySpec.VerificationFields = {
  individual: details(
    fields(START, person('individual', SINGAPOREAN, 'full_name_aliases', 'id_number', 'nationality', 'phone'), TOS),
    ['individual.verification.document'],
  ),
  company: details(
    fields(
      START,
      address('company', SINGAPOREAN),
      under('company', 'name', 'phone', 'tax_id'),
      'owners.verification.document',
      person('representative', SINGAPOREAN, 'full_name_aliases', 'id_number', 'nationality', 'phone', 'relationship.executive', 'relationship.title'),
      TOS,
    ),
    ['company.verification.document', 'representative.verification.document'],
  ),
};

// ---------------------------------------------------------------------------------------------
// Currencies and transfer destinations.

/** Every currency Stripe lets these countries charge in (the same list for each of them). */
const PAYMENT_CURRENCIES = (
  'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp ' +
  'cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl hrk htg huf idr ils ' +
  'inr isk jmd jpy kes kgs khr kmf krw kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mro mur mvr mwk mxn ' +
  'myr mzn nad ngn nio nok npr nzd pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sll sos ' +
  'srd std szl thb tjs top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw'
).split(' ');

const codes = (list: string): string[] => list.split(' ');

/** Where a European account's bank account may be. */
const EUROPEAN_BANK_COUNTRIES = codes('AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HU IE IT LT LU LV MT NL NO PL PT RO SE SI SK');
const EUROPEAN_BANK_CURRENCIES = codes('eur usd sek nok dkk chf gbp aud cad jpy nzd pln hkd sgd zar huf ron czk');
/** Other countries' specs leave a local currency's home out of its list (PLN without PL, except in PL's own). */
const LOCAL_CURRENCY_HOME: Record<string, string> = { pln: 'PL', huf: 'HU', ron: 'RO', czk: 'CZ' };

/** European bank account currencies, the account's own currency first, as Stripe orders them. */
function europeanBankAccounts(home: string): Record<string, string[]> {
  const order = [home, ...EUROPEAN_BANK_CURRENCIES.filter((c) => c !== home)];
  return Object.fromEntries(
    order.map((currency) => {
      const countries = EUROPEAN_BANK_COUNTRIES.filter((c) => currency === home || c !== LOCAL_CURRENCY_HOME[currency]);
      return [currency, currency === 'usd' ? [...countries, 'US'] : countries];
    }),
  );
}

/** A European account may transfer to the EEA, the UK, Switzerland and the microstates (Stripe's order). */
const EUROPEAN_TRANSFER_COUNTRIES = codes(
  'AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT RO SE SM SI SK',
);

/** A US platform pays out cross-border to these countries. */
const US_TRANSFER_COUNTRIES = codes(
  'AE AG AL AM AO AR AT AU AZ BA BD BE BG BH BJ BN BO BS BT BW CA CH CI CL CO CR CY CZ DE DK DO DZ EC EE EG ES ET ' +
    'FI FR GA GB GH GM GR GT GY HK HR HU ID IE IL IS IT JM JO JP KE KH KR KW KZ LA LC LI LK LT LU LV MA MC MD MG MK ' +
    'MN MO MT MU MX MY MZ NA NE NG NL NO NZ OM PA PE PH PK PL PT PY QA RO RS RW SA SE SG SI SK SM SN SV TH TN TR TT ' +
    'TW TZ US UY UZ VN ZA',
);

// ---------------------------------------------------------------------------------------------

interface SpecInput {
  currency: string;
  bankAccounts: Record<string, string[]>;
  transferCountries: string[];
  verification: Stripe.CountrySpec.VerificationFields;
  paymentMethods?: string[];
}

function spec(id: string, s: SpecInput): Stripe.CountrySpec {
  return {
    id,
    object: 'country_spec',
    default_currency: s.currency,
    supported_bank_account_currencies: s.bankAccounts,
    supported_payment_currencies: [...PAYMENT_CURRENCIES],
    supported_payment_methods: s.paymentMethods ?? ['card', 'stripe'],
    supported_transfer_countries: s.transferCountries,
    verification_fields: s.verification,
  };
}

const europe = (id: string, currency: string, addr: readonly string[] = CITY_LINE_POSTAL): Stripe.CountrySpec =>
  spec(id, { currency, bankAccounts: europeanBankAccounts(currency), transferCountries: EUROPEAN_TRANSFER_COUNTRIES, verification: european(addr) });

/** Its own currency only, paid out at home. */
const domestic = (id: string, currency: string, verification: Stripe.CountrySpec.VerificationFields, extraCurrencies: string[] = []) =>
  spec(id, {
    currency,
    bankAccounts: Object.fromEntries([currency, ...extraCurrencies].map((c) => [c, [id]])),
    transferCountries: [id],
    verification,
  });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const COUNTRY_SPECS: Readonly<Record<string, Stripe.CountrySpec>> = deepFreeze({
  AU: domestic('AU', 'aud', AU_FIELDS, ['usd', 'nzd']),
  CA: spec('CA', { currency: 'cad', bankAccounts: { cad: ['CA'], usd: ['US', 'CA'] }, transferCountries: ['CA'], verification: CA_FIELDS }),
  DE: europe('DE', 'eur'),
  ES: europe('ES', 'eur'),
  FR: europe('FR', 'eur'),
  GB: europe('GB', 'gbp'),
  IE: europe('IE', 'eur', IRISH),
  IT: europe('IT', 'eur'),
  JP: domestic('JP', 'jpy', JP_FIELDS),
  NL: europe('NL', 'eur'),
  NZ: domestic('NZ', 'nzd', european(CITY_LINE_POSTAL)),
  SG: domestic('SG', 'sgd', SG_FIELDS, ['usd']),
  US: spec('US', {
    currency: 'usd',
    bankAccounts: { usd: ['US'] },
    transferCountries: US_TRANSFER_COUNTRIES,
    verification: US_FIELDS,
    paymentMethods: ['ach', 'card', 'stripe'],
  }),
});

/** The spec for an ISO country code as Stripe writes it (`US`), or undefined when not supported. */
export function countrySpec(country: string): Stripe.CountrySpec | undefined {
  return Object.hasOwn(COUNTRY_SPECS, country) ? COUNTRY_SPECS[country] : undefined;
}
