import { describe, expect, it } from 'vitest';
import { parseAccountFilters, toIndexQuery } from './filter-schema';
import { accountFiltersQuery, ACCOUNT_FILTER_FIELDS, firstPage, isNarrowed, LIST_TABS, SORT_OF_COLUMN } from './filters';

describe('parseAccountFilters', () => {
  it('reads the URL, with defaults', () => {
    const f = parseAccountFilters(new URLSearchParams('tab=restricted&type=express&country=US&past_due=1&search=ann&sort=business_name&order=asc&limit=50&after=WyJhIiwiYiJd'));
    expect(f).toMatchObject({ tab: 'restricted', type: 'express', country: 'US', past_due: '1', search: 'ann', sort: 'business_name', order: 'asc', limit: 50, after: 'WyJhIiwiYiJd' });
    expect(parseAccountFilters({})).toMatchObject({ tab: 'all', sort: 'created', order: 'desc', limit: 25 });
  });

  it('drops what is not valid instead of failing a shared link', () => {
    const f = parseAccountFilters({ tab: 'nope', type: 'weird', country: 'germany', limit: '7', after: 'not a cursor!', created_from: '2026-13-45', sort: 'password', past_due: 'yes', capability: 'DROP TABLE' });
    expect(f).toMatchObject({ tab: 'all', type: undefined, country: undefined, limit: 25, after: undefined, created_from: undefined, sort: 'created', past_due: undefined, capability: undefined });
  });

  it('takes the first of repeated values', () => {
    expect(parseAccountFilters({ type: ['custom', 'express'] }).type).toBe('custom');
  });
});

describe('accountFiltersQuery', () => {
  it('writes only what is set (defaults left out), and round-trips', () => {
    expect(accountFiltersQuery(parseAccountFilters({}))).toBe('');
    const view = parseAccountFilters({ tab: 'rejected', country: 'US', past_due: '1', search: 'Ann Lee', meta_key: 'tier', meta_value: 'gold', created_to: '2026-01-31', sort: 'country' });
    const q = accountFiltersQuery(view);
    expect(q).toBe('?tab=rejected&country=US&past_due=1&created_to=2026-01-31&meta_key=tier&meta_value=gold&search=Ann+Lee&sort=country');
    expect(parseAccountFilters(new URLSearchParams(q.slice(1)))).toEqual(view);
  });

  it('every filter bar field is a URL parameter the schema reads', () => {
    const keys = Object.keys(parseAccountFilters({}));
    for (const field of ACCOUNT_FILTER_FIELDS) expect(keys).toContain(field.name);
  });
});

describe('toIndexQuery', () => {
  it('turns days into the index’s seconds, the created range including its last day', () => {
    const q = toIndexQuery(parseAccountFilters({ created_from: '2026-01-01', created_to: '2026-01-01', deadline_before: '2026-02-01' }));
    expect(q).toMatchObject({ createdFrom: 1767225600, createdTo: 1767225600 + 86400, deadlineBefore: 1769904000 });
  });

  it('maps every filter to the index’s names', () => {
    const q = toIndexQuery(
      parseAccountFilters({ tab: 'in_review', type: 'custom', country: 'DE', disabled_reason: 'under_review', capability: 'transfers', capability_status: 'pending', due_field: 'external_account', past_due: '1', risk: 'review', meta_key: 'tier', search: 'acme' }),
    );
    expect(q).toMatchObject({
      tab: 'in_review', type: 'custom', country: 'DE', disabledReason: 'under_review', capability: { name: 'transfers', status: 'pending' },
      dueField: 'external_account', pastDueOnly: true, risk: 'review', metadata: { key: 'tier', value: undefined }, search: 'acme',
    });
  });

  it('a capability alone means active; a status alone means nothing; one cursor at a time', () => {
    expect(toIndexQuery(parseAccountFilters({ capability: 'card_payments' })).capability).toEqual({ name: 'card_payments', status: 'active' });
    expect(toIndexQuery(parseAccountFilters({ capability_status: 'inactive' })).capability).toBeUndefined();
    expect(toIndexQuery(parseAccountFilters({ after: 'abc', before: 'def' }))).toMatchObject({ after: 'abc', before: undefined });
    expect(toIndexQuery(parseAccountFilters({})).pastDueOnly).toBe(false);
  });
});

describe('the view helpers', () => {
  it('the Dashboard’s tabs in its order; sortable columns sort on the server', () => {
    expect(LIST_TABS).toEqual(['all', 'restricted', 'restricted_soon', 'in_review', 'rejected', 'enabled']);
    expect(SORT_OF_COLUMN.name).toBe('business_name');
  });
  it('a new page starts from the first; narrowing is any filter or a search', () => {
    const f = parseAccountFilters({ after: 'abc', tab: 'rejected' });
    expect(firstPage(f).after).toBeUndefined();
    expect(isNarrowed(f)).toBe(false);
    expect(isNarrowed(parseAccountFilters({ search: 'x' }))).toBe(true);
    expect(isNarrowed(parseAccountFilters({ country: 'US' }))).toBe(true);
  });
});
