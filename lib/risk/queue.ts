// The risk queue from the console's database: every account with a risk signal (risk_accounts,
// which also holds its name, country and type, and its case: the undecided one, else the newest),
// ranked by score or sorted by the newest signal or the case's age; filtered by signal, country,
// type, assignee, age and case status; keyset pages; counts per status; and the number waiting for
// the navigation. Input is parsed with zod here: callers pass what the URL gave.
import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/open';
import { rowsOf } from '@/lib/db/rows';
import { keysetPage, keysetRead, numOrNull, pastCursor, tallyByStatus } from '@/lib/lists/keyset';
import { ACCOUNT_TYPES } from '@/lib/accounts/filters';
import type { RiskCaseStatus } from './case-states';
import { QUEUE_AGES, QUEUE_SORTS, QUEUE_TABS, type QueueAge, type QueueSort, type QueueTab } from './queue-filters';
import { RISK_SIGNAL_KINDS, type RiskReason } from './signals';

const AGE_DAYS: Record<QueueAge, number> = { '1d': 1, '7d': 7, '30d': 30 };

export const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).default('waiting'),
  signal: z.enum(RISK_SIGNAL_KINDS).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  type: z.enum(ACCOUNT_TYPES).optional(),
  /** `me` (the caller), `none` (unassigned) or an operator's id. */
  assignee: z.union([z.enum(['me', 'none']), z.string().regex(/^op_[A-Za-z0-9]+$/).max(100)]).optional(),
  age: z.enum(QUEUE_AGES).optional(),
  sort: z.enum(QUEUE_SORTS).default('score'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  after: z.string().max(500).optional(),
  before: z.string().max(500).optional(),
});
export type QueueQueryInput = z.input<typeof queueQuerySchema>;
export type QueueQuery = z.output<typeof queueQuerySchema>;

/** One row of the queue: the account, its score and reasons, its current case. */
export interface QueueItem {
  accountId: string;
  name: string;
  country: string | null;
  type: string | null;
  score: number;
  reasons: RiskReason[];
  newestSignalAt: number | null;
  /** The account's case: the undecided one, else the newest (null until one is opened). */
  caseId: string | null;
  caseStatus: RiskCaseStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  openedAt: string | null;
  escalated: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  next: string | null;
  prev: string | null;
}

function sortExpression(sort: QueueSort): SQL {
  switch (sort) {
    case 'score':
      return sql`r.score`;
    case 'newest_signal':
      return sql`coalesce(r.newest_signal_at, 0)`;
    case 'opened':
      // Seconds since the epoch; a decided row (no open case) sorts as the oldest.
      return sql`coalesce(extract(epoch from r.case_opened_at)::bigint, 0)`;
  }
}

/** Every filter but the tab (the tab counts are taken over these). */
function filterConditions(q: QueueQuery, operatorId: string): SQL[] {
  const where: SQL[] = [];
  if (q.signal) where.push(sql`r.kinds @> array[${q.signal}]::text[]`);
  if (q.country) where.push(sql`r.country = ${q.country}`);
  if (q.type) where.push(sql`r.type = ${q.type}`);
  if (q.assignee === 'none') where.push(sql`r.case_status <> 'decided' and r.assignee_id is null`);
  else if (q.assignee) where.push(sql`r.assignee_id = ${q.assignee === 'me' ? operatorId : q.assignee}`);
  if (q.age) where.push(sql`r.case_status <> 'decided' and r.case_opened_at < now() - make_interval(days => ${AGE_DAYS[q.age]})`);
  return where;
}

function tabCondition(tab: QueueTab): SQL | undefined {
  if (tab === 'all') return undefined;
  if (tab === 'waiting') return sql`r.case_status in ('open', 'in_progress')`;
  return sql`r.case_status = ${tab}`;
}

type Row = {
  account_id: string;
  name: string;
  country: string | null;
  type: string | null;
  score: number;
  reasons: unknown;
  newest_signal_at: unknown;
  case_id: string | null;
  case_status: RiskCaseStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  opened_at: unknown;
  escalated: boolean;
  sort_value: unknown;
};

/** One page of the filtered, sorted queue. */
export async function queryQueue(db: Db, input: QueueQueryInput, operatorId: string): Promise<QueuePage> {
  const q = queueQuerySchema.parse(input);
  const read = keysetRead(q);
  const expr = sortExpression(q.sort);
  const where = filterConditions(q, operatorId);
  const tab = tabCondition(q.tab);
  if (tab) where.push(tab);
  const past = pastCursor(read, expr, sql`r.account_id`);
  if (past) where.push(past);
  const { direction } = read;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select r.account_id, r.name, r.country, r.type, r.score, r.reasons, r.newest_signal_at,
        r.case_id, r.case_status, r.assignee_id, o.name as assignee_name, r.case_opened_at as opened_at, r.escalated, ${expr} as sort_value
      from risk_accounts r
      left join operators o on o.id = r.assignee_id
      ${where.length > 0 ? sql`where ${and(...where)}` : sql``}
      order by ${expr} ${direction}, r.account_id ${direction}
      limit ${q.limit + 1}`),
  );
  const page = keysetPage(rows, q.limit, read, (row) => [Number(row.sort_value), row.account_id]);
  return { items: page.rows.map(toItem), next: page.next, prev: page.prev };
}

function toItem(row: Row): QueueItem {
  const reasons = (typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) as RiskReason[];
  const opened = row.opened_at instanceof Date ? row.opened_at.toISOString() : row.opened_at ? new Date(String(row.opened_at)).toISOString() : null;
  return {
    accountId: row.account_id,
    name: row.name,
    country: row.country,
    type: row.type,
    score: Number(row.score),
    reasons,
    newestSignalAt: numOrNull(row.newest_signal_at),
    caseId: row.case_id,
    caseStatus: row.case_status,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    openedAt: opened,
    escalated: Boolean(row.escalated),
  };
}

export type QueueCounts = Record<QueueTab, number>;

/** How many accounts each tab holds under the other filters. */
export async function countQueue(db: Db, input: QueueQueryInput, operatorId: string): Promise<QueueCounts> {
  const q = queueQuerySchema.parse(input);
  const where = filterConditions(q, operatorId);
  const rows = rowsOf<{ status: string; count: unknown }>(
    await db.execute(sql`
      select r.case_status as status, count(*)::int as count
      from risk_accounts r
      ${where.length > 0 ? sql`where ${and(...where)}` : sql``}
      group by 1`),
  );
  // Waiting: every case not decided yet.
  return tallyByStatus(rows, QUEUE_TABS, { waiting: (status) => status !== 'decided' });
}

/** How many accounts wait for a decision (the navigation's badge): the queue's Waiting count, unfiltered. */
export async function countWaiting(db: Db): Promise<number> {
  const [row] = rowsOf<{ count: unknown }>(await db.execute(sql`select count(*)::int as count from risk_accounts where case_status in ('open', 'in_progress')`));
  return Number(row?.count ?? 0);
}
