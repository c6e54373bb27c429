// The Billing list's view as read from a URL: one lenient zod schema (a bad value means "no
// filter", never a broken page), used by the page and the list's route handler. Pure.
import { z } from 'zod';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { accountParam, idParam, lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import { FEE_CHOICES, SCHEDULE_SORTS, SCHEDULE_TABS, type ScheduleFilters } from './filters';

const cursorParam = lenient(z.string().max(500).regex(/^[A-Za-z0-9_-]+$/));

export const scheduleFiltersSchema = z.object({
  tab: z.enum(SCHEDULE_TABS).catch('all').default('all'),
  account: accountParam,
  customer: idParam('cus_'),
  fee: lenient(z.enum(FEE_CHOICES)),
  sort: z.enum(SCHEDULE_SORTS).catch('created').default('created'),
  order: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  limit: pageSizeParam,
  after: cursorParam,
  before: cursorParam,
});

export const parseScheduleFilters = (params: SearchParamsLike): ScheduleFilters => parseSearch(scheduleFiltersSchema, params);
