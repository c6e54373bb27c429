// The top-ups list's filters as read from a URL: one lenient zod schema (a bad value means "no filter",
// never a broken page), used by the server (the page and the list's route handlers). The browser
// builds links and the filter bar with ./filters.ts, which loads no zod. Pure.
import { z } from 'zod';
import { dayParam, idParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { TOPUP_STATUSES } from './filters';

export const topupFiltersSchema = z.object({
  status: lenient(z.enum(TOPUP_STATUSES)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  limit: pageSizeParam,
  after: idParam('tu_'),
  before: idParam('tu_'),
});
export type TopupFilters = z.output<typeof topupFiltersSchema>;

export const parseTopupFilters = (params: SearchParamsLike): TopupFilters => parseSearch(topupFiltersSchema, params);
