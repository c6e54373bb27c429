// The application fees list's filters as read from a URL: one lenient zod schema (a bad value means "no filter",
// never a broken page), used by the server (the page and the list's route handlers). The browser
// builds links and the filter bar with ./filters.ts, which loads no zod. Pure.
import { z } from 'zod';
import { dayParam, idParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { REFUND_STATES } from './filters';

export const feeFiltersSchema = z.object({
  account: idParam('acct_'),
  charge: lenient(z.string().regex(/^(ch|py)_[A-Za-z0-9]+$/)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  refund: lenient(z.enum(REFUND_STATES)),
  limit: pageSizeParam,
  after: idParam('fee_'),
  before: idParam('fee_'),
});
export type FeeFilters = z.output<typeof feeFiltersSchema>;

export const parseFeeFilters = (params: SearchParamsLike): FeeFilters => parseSearch(feeFiltersSchema, params);
