// Made-up but plausible businesses and the people behind them, drawn from the seeded generator:
// a legal and trading name, domain, address and phone in the country's formats, a vertical, and
// the representative (or the individual) with owners, directors and executives for companies.
import type { seededRandom } from '../core/ids';
import { VERTICALS, type Vertical } from './catalog';
import {
  BUSINESS_STEMS, COMPANY_SUFFIXES, FIRST_NAMES, JP_FIRST_NAMES, JP_LAST_NAMES, JP_PLACES, JP_STEMS, LAST_NAMES, LOCALE, PHONE, PLACES,
  TITLES, TLD, type Country, type JapaneseName, type Locale,
} from './names';

export type Rng = ReturnType<typeof seededRandom>;

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng(list.length)];
export const between = (rng: Rng, min: number, max: number): number => min + rng(max - min + 1);

/** Lowercase ASCII letters and digits only: for domains, e-mail local parts and descriptors. */
export const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postal_code: string;
  country: Country;
}

/** Japanese addresses are given twice (kana and kanji), each with a `town`. */
export interface JapaneseAddress {
  kana: Address & { town: string };
  kanji: Address & { town: string };
}

export interface Human {
  first: string;
  last: string;
  jp?: { first: JapaneseName; last: JapaneseName };
  email: string;
  phone: string;
  dob: { day: number; month: number; year: number };
  address: Address;
  jpAddress?: JapaneseAddress;
  title: string;
}

export interface Business {
  country: Country;
  locale: Locale;
  vertical: Vertical;
  kind: 'company' | 'individual';
  /** The name customers see (business_profile.name). */
  tradingName: string;
  /** The registered name (company.name), or the individual's full name. */
  legalName: string;
  jpName?: { kanji: string; kana: string };
  domain: string;
  email: string;
  phone: string;
  address: Address;
  jpAddress?: JapaneseAddress;
  /** The representative (or the individual) first, then owners, directors and executives. */
  people: { human: Human; relationship: Relationship }[];
}

export interface Relationship {
  representative?: boolean;
  owner?: boolean;
  director?: boolean;
  executive?: boolean;
  percent_ownership?: number;
  title?: string;
}

export function phone(rng: Rng, country: Country): string {
  const p = PHONE[country];
  let digits = String(between(rng, 2, 9));
  while (digits.length < p.digits) digits += String(rng(10));
  return `${p.prefix}${pick(rng, p.areas)}${digits}`;
}

function address(rng: Rng, country: Country): { address: Address; jp?: JapaneseAddress } {
  if (country === 'JP') {
    const place = pick(rng, JP_PLACES);
    const chome = between(rng, 1, 5);
    const line1 = `${between(rng, 1, 24)}-${between(rng, 1, 18)}`;
    const common = { line1, postal_code: place.postal, country };
    const kanji = { ...common, state: place.kanji.state, city: place.kanji.city, town: `${place.kanji.town}${chome}丁目` };
    const kana = { ...common, state: place.kana.state, city: place.kana.city, town: `${place.kana.town} ${chome}-チョウメ` };
    return { address: { ...kanji }, jp: { kana, kanji } };
  }
  const place = pick(rng, PLACES[country]);
  const n = between(rng, 1, 240);
  const street = pick(rng, place.streets);
  const line1 = country === 'DE' ? `${street} ${n}` : country === 'FR' ? `${n} ${street}` : `${n} ${street}`;
  const units: Record<Country, string[]> = {
    US: ['Suite 200', 'Apt 4B', 'Floor 3'], CA: ['Unit 12', 'Suite 410'], AU: ['Level 2', 'Unit 5'], GB: ['Flat 2', 'Unit 4'],
    DE: ['2. OG', 'Hinterhaus'], FR: ['Bâtiment B', '2e étage'], JP: [],
  };
  const line2 = rng(3) === 0 ? pick(rng, units[country]) : undefined;
  return {
    address: { line1, ...(line2 ? { line2 } : {}), city: place.city, ...(place.state ? { state: place.state } : {}), postal_code: pick(rng, place.postal), country },
  };
}

function human(rng: Rng, country: Country, domain: string, title: string, nowYear: number): Human {
  const { address: addr, jp: jpAddress } = address(rng, country);
  let first: string;
  let last: string;
  let jp: Human['jp'];
  if (country === 'JP') {
    jp = { first: pick(rng, JP_FIRST_NAMES), last: pick(rng, JP_LAST_NAMES) };
    first = jp.first.romaji;
    last = jp.last.romaji;
  } else {
    first = pick(rng, FIRST_NAMES[country]);
    last = pick(rng, LAST_NAMES[country]);
  }
  return {
    first,
    last,
    ...(jp ? { jp } : {}),
    email: `${ascii(first)}.${ascii(last)}@${domain}`,
    phone: phone(rng, country),
    dob: { day: between(rng, 1, 28), month: between(rng, 1, 12), year: nowYear - between(rng, 23, 66) },
    address: addr,
    ...(jpAddress ? { jpAddress } : {}),
    title,
  };
}

/** Names customers would see, not already used by another demo account. */
function names(rng: Rng, b: { country: Country; locale: Locale; vertical: Vertical; kind: 'company' | 'individual' }, lead: { first: string; last: string; jp?: Human['jp'] }, city: string, used: Set<string>) {
  for (let attempt = 0; ; attempt++) {
    let trading: string;
    let legal: string;
    let jpName: Business['jpName'];
    let slug: string;
    if (b.locale === 'ja') {
      const stem = pick(rng, JP_STEMS);
      const word = b.vertical.words.ja;
      const own = b.kind === 'individual' && rng(2) === 0 && lead.jp;
      trading = own ? `${lead.jp!.last.kanji}${word.kana}` : `${stem.kanji}${word.kana}`;
      jpName = { kanji: `株式会社${stem.kanji}${word.kana}`, kana: `カブシキガイシャ${stem.kana}${word.kana}` };
      legal = b.kind === 'company' ? `${stem.romaji} ${word.romaji} K.K.` : `${lead.first} ${lead.last}`;
      slug = ascii(own ? `${lead.last}${word.romaji}` : `${stem.romaji}${word.romaji}`);
    } else {
      const word = pick(rng, b.vertical.words[b.locale]);
      const own = b.kind === 'individual' && rng(2) === 0;
      trading = own ? `${lead.first} ${lead.last} ${word}` : `${pick(rng, BUSINESS_STEMS[b.locale])} ${word}`;
      legal = b.kind === 'company' ? `${trading} ${pick(rng, COMPANY_SUFFIXES[b.country as Exclude<Country, 'JP'>])}` : `${lead.first} ${lead.last}`;
      slug = ascii(trading);
    }
    // After a few draws a city keeps the name unique ("Northwind Kitchen Leeds"), and once a large
    // seed has used up the names, a branch number ("Northwind Kitchen Leeds 3").
    if (attempt >= 4) {
      trading = `${trading} ${city}${attempt >= 8 ? ` ${attempt - 6}` : ''}`;
      slug = ascii(trading);
    }
    if (used.has(trading)) continue;
    used.add(trading);
    return { trading, legal, jpName, slug };
  }
}

/** A business of `kind` in `country`, with its people. `used` keeps trading names unique across the demo. */
export function makeBusiness(rng: Rng, country: Country, kind: 'company' | 'individual', nowYear: number, used: Set<string>): Business {
  const locale = LOCALE[country];
  const vertical = pick(rng, VERTICALS);
  const titles = TITLES[locale];
  const { address: addr, jp: jpAddress } = address(rng, country);
  // The lead is drawn before the domain is known; their e-mail is fixed once it is.
  const lead = human(rng, country, 'pending', pick(rng, titles.lead), nowYear);
  const n = names(rng, { country, locale, vertical, kind }, lead, addr.city, used);
  const tld = country === 'JP' && kind === 'company' ? 'co.jp' : TLD[country];
  const domain = `${n.slug}.${tld}`;
  lead.email = `${ascii(lead.first)}${kind === 'company' ? `.${ascii(lead.last)}` : ''}@${domain}`;

  const people: Business['people'] = [];
  if (kind === 'individual') {
    people.push({ human: lead, relationship: {} });
  } else {
    const european = ['GB', 'DE', 'FR', 'AU'].includes(country);
    const leadShare = pick(rng, [100, 75, 60, 51, 50, 40]);
    people.push({
      human: lead,
      relationship: { representative: true, executive: true, owner: true, percent_ownership: leadShare, title: lead.title, ...(country === 'JP' || (european && rng(2) === 0) ? { director: true } : {}) },
    });
    if (leadShare < 100 && country !== 'JP') {
      const partner = human(rng, country, domain, pick(rng, titles.other), nowYear);
      people.push({ human: partner, relationship: { owner: true, percent_ownership: Math.min(100 - leadShare, pick(rng, [25, 30, 40, 49, 50])), title: partner.title } });
    }
    if (european || country === 'JP') {
      const director = human(rng, country, domain, country === 'JP' ? '取締役' : 'Director', nowYear);
      people.push({ human: director, relationship: { director: true, title: director.title } });
    }
    if (european && rng(2) === 0) {
      const exec = human(rng, country, domain, pick(rng, titles.other), nowYear);
      people.push({ human: exec, relationship: { executive: true, title: exec.title } });
    }
  }
  const mailbox = kind === 'company' ? pick(rng, ['hello', 'contact', 'finance', 'admin', 'accounts']) : ascii(lead.first);
  return {
    country,
    locale,
    vertical,
    kind,
    tradingName: n.trading,
    legalName: n.legal,
    ...(n.jpName ? { jpName: n.jpName } : {}),
    domain,
    email: `${mailbox}@${domain}`,
    phone: phone(rng, country),
    address: addr,
    ...(jpAddress ? { jpAddress } : {}),
    people,
  };
}
