// The accounts list's filters as read from a URL: one lenient zod schema (a bad value means "no
// filter", never a broken page), used by the server (the page and the list's route handlers). The
// browser edits filters with ./filters.ts, which needs no zod. Pure.
import { z } from 'zod';
import { dayParam, idParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { ACCOUNT_TYPES } from './filters';
import { ACCOUNT_STATES } from './status';

export const accountFiltersSchema = z.object({
  type: lenient(z.enum(ACCOUNT_TYPES)),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  state: lenient(z.enum(ACCOUNT_STATES)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  limit: pageSizeParam,
  after: idParam('acct_'),
  before: idParam('acct_'),
});

export type AccountFilters = z.output<typeof accountFiltersSchema>;

export const parseAccountFilters = (params: SearchParamsLike): AccountFilters => parseSearch(accountFiltersSchema, params);
