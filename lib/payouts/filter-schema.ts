// The Payouts list's view as read from a URL: one lenient zod schema (a bad value means "no
// filter", never a broken page), used by the page and the list's route handler. Pure.
import { z } from 'zod';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { accountParam, dayParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import { PAYOUT_SORTS, PAYOUT_TABS, type PayoutFilters } from './filters';

const cursorParam = lenient(z.string().max(500).regex(/^[A-Za-z0-9_-]+$/));

export const payoutFiltersSchema = z.object({
  tab: z.enum(PAYOUT_TABS).catch('all').default('all'),
  account: accountParam,
  currency: lenient(z.string().regex(/^[A-Za-z]{3}$/).transform((c) => c.toLowerCase())),
  arrival_from: lenient(dayParam),
  arrival_to: lenient(dayParam),
  sort: z.enum(PAYOUT_SORTS).catch('arrival_date').default('arrival_date'),
  order: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  limit: pageSizeParam,
  after: cursorParam,
  before: cursorParam,
});

export const parsePayoutFilters = (params: SearchParamsLike): PayoutFilters => parseSearch(payoutFiltersSchema, params);
