import { describe, expect, it } from 'vitest';
import { describeRequirements, personName } from './requirements';

describe('describeRequirements', () => {
  it('merges the parts of one thing into one line, keeping Stripe’s fields', () => {
    const lines = describeRequirements(['individual.dob.day', 'individual.dob.month', 'individual.dob.year', 'tos_acceptance.date', 'tos_acceptance.ip']);
    expect(lines).toEqual([
      { subject: 'Individual', label: 'Date of birth', fields: ['individual.dob.day', 'individual.dob.month', 'individual.dob.year'] },
      { subject: 'Terms', label: 'Acceptance of the Stripe Services Agreement', fields: ['tos_acceptance.date', 'tos_acceptance.ip'] },
    ]);
  });

  it('names persons by their name, and unknown persons by id', () => {
    const lines = describeRequirements(['person_1A.verification.document', 'person_2B.address.city'], [{ id: 'person_1A', name: 'Ada Lovelace' }]);
    expect(lines.map((l) => `${l.subject}: ${l.label}`)).toEqual(['Ada Lovelace: Identity document', 'Person person_2B: Address']);
  });

  it('words the account’s own fields and the person groups', () => {
    const lines = describeRequirements(['external_account', 'business_profile.mcc', 'company.tax_id', 'owners.first_name', 'representative.id_number', 'company.verification.document']);
    expect(lines.map((l) => `${l.subject}: ${l.label}`)).toEqual([
      'Payouts: Bank account or debit card for payouts',
      'Business: Business category (MCC)',
      'Company: Tax ID',
      'Owners: First name',
      'Representative: ID number (full SSN or national ID)',
      'Company: Company verification document',
    ]);
  });

  it('shows a field it does not know as Stripe names it', () => {
    expect(describeRequirements(['company.some_new_field'])).toEqual([{ subject: 'Company', label: 'some_new_field', fields: ['company.some_new_field'] }]);
    expect(describeRequirements(['brand_new.thing'])[0]).toMatchObject({ subject: 'Account', label: 'brand_new.thing' });
  });

  it('answers nothing for nothing', () => {
    expect(describeRequirements([])).toEqual([]);
  });
});

describe('personName', () => {
  it('prefers the name, then the e-mail, then the id', () => {
    expect(personName({ id: 'person_1', first_name: 'Ada', last_name: 'Lovelace' })).toBe('Ada Lovelace');
    expect(personName({ id: 'person_1', first_name: null, email: 'a@b.c' })).toBe('a@b.c');
    expect(personName({ id: 'person_1' })).toBe('person_1');
  });
});
