// The transfers list's filters as read from a URL: one lenient zod schema (a bad value means "no filter",
// never a broken page), used by the server (the page and the list's route handlers). The browser
// builds links and the filter bar with ./filters.ts, which loads no zod. Pure.
import { z } from 'zod';
import { dayParam, idParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { REVERSED_STATES } from './filters';

export const transferFiltersSchema = z.object({
  destination: idParam('acct_'),
  group: lenient(z.string().max(500)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  reversed: lenient(z.enum(REVERSED_STATES)),
  limit: pageSizeParam,
  after: idParam('tr_'),
  before: idParam('tr_'),
});
export type TransferFilters = z.output<typeof transferFiltersSchema>;

export const parseTransferFilters = (params: SearchParamsLike): TransferFilters => parseSearch(transferFiltersSchema, params);
