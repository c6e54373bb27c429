// The risk queue's view as read from a URL: one lenient zod schema (a bad value means "no filter",
// never a broken page), used by the page and the queue's route handler. Pure.
import { z } from 'zod';
import type { SearchParamsLike } from '@/lib/lists/url-filters';
import { lenient, pageSizeParam, parseSearch } from '@/lib/lists/url-schema';
import { ACCOUNT_TYPES } from '@/lib/accounts/filters';
import { QUEUE_AGES, QUEUE_SORTS, QUEUE_TABS, type QueueFilters } from './queue-filters';
import { RISK_SIGNAL_KINDS } from './signals';

const cursorParam = lenient(z.string().max(500).regex(/^[A-Za-z0-9_-]+$/));

export const queueFiltersSchema = z.object({
  tab: z.enum(QUEUE_TABS).catch('waiting').default('waiting'),
  signal: lenient(z.enum(RISK_SIGNAL_KINDS)),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  type: lenient(z.enum(ACCOUNT_TYPES)),
  assignee: lenient(z.union([z.enum(['me', 'none']), z.string().regex(/^op_[A-Za-z0-9]+$/).max(100)])),
  age: lenient(z.enum(QUEUE_AGES)),
  sort: z.enum(QUEUE_SORTS).catch('score').default('score'),
  order: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  limit: pageSizeParam,
  after: cursorParam,
  before: cursorParam,
});

export const parseQueueFilters = (params: SearchParamsLike): QueueFilters => parseSearch(queueFiltersSchema, params);
