// The accounts list's view as read from a URL: the status tab, every filter the index serves, the
// search, the sort and the page cursor. One lenient zod schema (a bad value means "no filter",
// never a broken page), used by the server (the page, the list's route handlers) and by saved
// views; `toIndexQuery` turns it into what lib/index/accounts-query.ts asks. The browser edits the
// view with ./filters.ts, which needs no zod. Pure.
import { z } from 'zod';
import type { AccountQueryInput } from '@/lib/index/accounts-query';
import { dayParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { ACCOUNT_LIST_SORTS, ACCOUNT_TYPES, CAPABILITY_STATUSES, LIST_TABS, RISK_FILTERS } from './filters';

/** An index cursor: base64url text the server gave. */
const cursorParam = lenient(z.string().max(500).regex(/^[A-Za-z0-9_-]+$/));
const textParam = (max: number) => lenient(z.string().trim().min(1).max(max));

export const accountFiltersSchema = z.object({
  tab: z.enum(LIST_TABS).catch('all').default('all'),
  type: lenient(z.enum(ACCOUNT_TYPES)),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  disabled_reason: lenient(z.string().regex(/^[a-z_.]+$/).max(100)),
  capability: lenient(z.string().regex(/^[a-z0-9_]+$/).max(100)),
  capability_status: lenient(z.enum(CAPABILITY_STATUSES)),
  due_field: lenient(z.string().regex(/^[A-Za-z0-9_.[\]-]+$/).max(200)),
  past_due: lenient(z.literal('1')),
  deadline_before: lenient(dayParam),
  risk: lenient(z.enum(RISK_FILTERS)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  meta_key: textParam(40),
  meta_value: textParam(500),
  search: textParam(200),
  sort: z.enum(ACCOUNT_LIST_SORTS).catch('created').default('created'),
  order: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  limit: pageSizeParam,
  after: cursorParam,
  before: cursorParam,
});

export type AccountFilters = z.output<typeof accountFiltersSchema>;

export const parseAccountFilters = (params: SearchParamsLike): AccountFilters => parseSearch(accountFiltersSchema, params);

const DAY = 86_400;
const dayStart = (day: string | undefined) => (day ? Date.parse(`${day}T00:00:00Z`) / 1000 : undefined);

/** The index's query for a view: whole UTC days for dates (the created range includes its last day). */
export function toIndexQuery(f: AccountFilters): AccountQueryInput {
  const createdTo = dayStart(f.created_to);
  return {
    tab: f.tab,
    type: f.type,
    country: f.country,
    disabledReason: f.disabled_reason,
    // A capability without a status means "active"; a status without a capability means nothing.
    capability: f.capability ? { name: f.capability, status: f.capability_status ?? 'active' } : undefined,
    dueField: f.due_field,
    pastDueOnly: f.past_due === '1',
    deadlineBefore: dayStart(f.deadline_before),
    risk: f.risk,
    createdFrom: dayStart(f.created_from),
    createdTo: createdTo === undefined ? undefined : createdTo + DAY,
    metadata: f.meta_key ? { key: f.meta_key, value: f.meta_value } : undefined,
    search: f.search,
    sort: f.sort,
    order: f.order,
    limit: f.limit,
    after: f.after,
    before: f.after ? undefined : f.before,
  };
}
