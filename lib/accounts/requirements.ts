// Stripe names what an account lacks as field paths (`individual.dob.day`, `person_1A.address.city`,
// `tos_acceptance.ip`); operators read sentences. This turns a requirements list into one line per
// thing to ask the account holder for, grouped by whom it concerns. Pure: used on the server and
// in the browser.

export interface PersonName {
  id: string;
  name: string;
}

export interface RequirementLine {
  /** The field paths this line stands for, as Stripe gave them. */
  fields: string[];
  /** Whom it concerns: "Business", "Individual", "Representative", or a person's name. */
  subject: string;
  /** What to ask for, in words. */
  label: string;
}

/** The last part of a field path, in words; parts of one thing (the three parts of a date) share a label. */
const FIELD_WORDS: [RegExp, string][] = [
  [/^address(_kana|_kanji)?\./, 'Address'],
  [/^registered_address\./, 'Registered address'],
  [/^dob\./, 'Date of birth'],
  [/^first_name(_kana|_kanji)?$/, 'First name'],
  [/^last_name(_kana|_kanji)?$/, 'Last name'],
  [/^email$/, 'E-mail address'],
  [/^phone$/, 'Phone number'],
  [/^ssn_last_4$/, 'Last 4 digits of the SSN'],
  [/^id_number$/, 'ID number (full SSN or national ID)'],
  [/^political_exposure$/, 'Political exposure declaration'],
  [/^nationality$/, 'Nationality'],
  [/^verification\.document$/, 'Identity document'],
  [/^verification\.additional_document$/, 'Proof of address document'],
  [/^relationship\.title$/, 'Job title'],
  [/^relationship\.percent_ownership$/, 'Ownership percentage'],
  [/^relationship\.executive$/, 'Whether they are an executive'],
  [/^relationship\.owner$/, 'Whether they are an owner'],
  [/^name(_kana|_kanji)?$/, 'Legal name'],
  [/^tax_id$/, 'Tax ID'],
  [/^vat_id$/, 'VAT number'],
  [/^registration_number$/, 'Registration number'],
  [/^structure$/, 'Company structure'],
  [/^owners_provided$/, 'Confirmation that all owners are listed'],
  [/^directors_provided$/, 'Confirmation that all directors are listed'],
  [/^executives_provided$/, 'Confirmation that all executives are listed'],
  [/^ownership_declaration\./, 'Ownership declaration (signed by the representative)'],
  [/^verification\.document\b/, 'Company verification document'],
];

/** Fields of the account itself that are whole things to ask for. */
const ACCOUNT_FIELDS: [RegExp, string, string][] = [
  [/^business_type$/, 'Business', 'Business type (individual or company)'],
  [/^business_profile\.mcc$/, 'Business', 'Business category (MCC)'],
  [/^business_profile\.url$/, 'Business', 'Business website'],
  [/^business_profile\.product_description$/, 'Business', 'Description of products or services'],
  [/^business_profile\.name$/, 'Business', 'Business name customers see'],
  [/^business_profile\.support_phone$/, 'Business', 'Support phone number'],
  [/^business_profile\.annual_revenue\./, 'Business', 'Annual revenue'],
  [/^business_profile\.estimated_worker_count$/, 'Business', 'Number of workers'],
  [/^external_account$/, 'Payouts', 'Bank account or debit card for payouts'],
  [/^tos_acceptance\./, 'Terms', 'Acceptance of the Stripe Services Agreement'],
  [/^settings\.payments\.statement_descriptor$/, 'Business', 'Statement descriptor'],
  [/^documents\.(\w+)\.files$/, 'Business', 'Supporting document'],
];

const GROUPS: Record<string, string> = {
  individual: 'Individual',
  company: 'Company',
  representative: 'Representative',
  owners: 'Owners',
  directors: 'Directors',
  executives: 'Executives',
};

function fieldWords(path: string): string {
  for (const [re, words] of FIELD_WORDS) if (re.test(path)) return words;
  // An unknown field is shown as Stripe names it, rather than guessed at.
  return path;
}

function describeOne(field: string, persons: Map<string, string>): { subject: string; label: string } {
  for (const [re, subject, label] of ACCOUNT_FIELDS) if (re.test(field)) return { subject, label };
  const [head, ...rest] = field.split('.');
  const tail = rest.join('.');
  if (head.startsWith('person_')) return { subject: persons.get(head) ?? `Person ${head}`, label: fieldWords(tail) };
  if (head in GROUPS) {
    // `owners.first_name` with no person yet means "add an owner".
    return { subject: GROUPS[head], label: head === 'company' && tail === 'verification.document' ? 'Company verification document' : fieldWords(tail) };
  }
  return { subject: 'Account', label: field };
}

/** One line per thing to ask for, in the order Stripe listed them, grouped by subject. */
export function describeRequirements(fields: readonly string[], persons: readonly PersonName[] = []): RequirementLine[] {
  const names = new Map(persons.map((p) => [p.id, p.name]));
  const lines = new Map<string, RequirementLine>();
  for (const field of fields) {
    const { subject, label } = describeOne(field, names);
    const key = `${subject}\u0000${label}`;
    const line = lines.get(key);
    if (line) line.fields.push(field);
    else lines.set(key, { fields: [field], subject, label });
  }
  return [...lines.values()];
}

/** A person's name as operators say it, falling back to their e-mail or id. */
export function personName(p: { id: string; first_name?: string | null; last_name?: string | null; email?: string | null }): string {
  const name = [p.first_name, p.last_name].filter(Boolean).join(' ');
  return name || p.email || p.id;
}
