// Connected accounts' subscription schedules from the console's index (index_objects rows of type
// subscription_schedule, whose derived columns lib/index/schedule-row.ts makes): filtered by
// account, customer and whether the phase takes a fee; sorted by creation, the next phase's start
// or the fee percent; keyset pages; counts per status. Input is parsed with zod here: callers pass
// what the URL gave.
import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/open';
import { accountNamed, accountStillConnected } from '@/lib/index/conditions';
import { countByStatus, numOrNull, pageOfIndexObjects } from '@/lib/lists/keyset';
import { scheduleFiltersSchema } from './filter-schema';
import { SCHEDULE_TABS, type ScheduleSort, type ScheduleStatus, type ScheduleTab } from './filters';
import type { ScheduleFacts } from './list-words';

export type ScheduleQueryInput = z.input<typeof scheduleFiltersSchema>;

/** One row of the list: the schedule, the account it lives on, where it stands (./list-words.ts's facts). */
export interface ScheduleItem extends ScheduleFacts {
  id: string;
  account: string;
  accountName: string | null;
  customer: string | null;
  created: number;
}

export interface SchedulePage {
  items: ScheduleItem[];
  next: string | null;
  prev: string | null;
}

export type ScheduleCounts = Record<ScheduleTab, number>;

/**
 * Each sort's expression and how its cursor value is typed. A schedule with no next phase sorts
 * after every date (ascending, the soonest first); one without a fee below 0%.
 */
const SORTS: Record<ScheduleSort, { expr: SQL; cast: SQL }> = {
  created: { expr: sql`o.created`, cast: sql`bigint` },
  next_phase: { expr: sql`coalesce(o.next_phase_at, 9007199254740991)`, cast: sql`bigint` },
  fee_percent: { expr: sql`coalesce(o.fee_percent, -1)`, cast: sql`double precision` },
};

/** Every filter but the tab (the tab counts are taken over these). */
function filterConditions(q: z.output<typeof scheduleFiltersSchema>): SQL[] {
  const where: SQL[] = [sql`o.type = 'subscription_schedule'`, sql`not o.deleted`, sql`o.account is not null`, accountStillConnected];
  if (q.account) where.push(accountNamed(q.account));
  if (q.customer) where.push(sql`o.customer = ${q.customer}`);
  if (q.fee === 'present') where.push(sql`o.fee_percent > 0`);
  if (q.fee === 'none') where.push(sql`coalesce(o.fee_percent, 0) = 0`);
  return where;
}


type Row = {
  id: string;
  account: string;
  account_name: string | null;
  customer: string | null;
  status: ScheduleStatus;
  phase_index: unknown;
  phase_count: unknown;
  next_phase_at: unknown;
  fee_percent: unknown;
  ended_at: unknown;
  created: unknown;
  sort_value: unknown;
};

/** One page of the filtered, sorted schedules. */
export async function querySchedules(db: Db, input: ScheduleQueryInput): Promise<SchedulePage> {
  const q = scheduleFiltersSchema.parse(input);
  const { expr, cast } = SORTS[q.sort];
  const page = await pageOfIndexObjects<Row>(db, q, {
    columns: sql`o.id, o.account, o.customer, o.status, o.phase_index, o.phase_count, o.next_phase_at, o.fee_percent, o.ended_at, o.created`,
    expr,
    cast,
    where: filterConditions(q),
  });
  return { items: page.rows.map(toItem), next: page.next, prev: page.prev };
}

function toItem(row: Row): ScheduleItem {
  return {
    id: row.id,
    account: row.account,
    accountName: row.account_name,
    customer: row.customer,
    status: row.status,
    phaseIndex: numOrNull(row.phase_index),
    phaseCount: Number(row.phase_count ?? 0),
    nextPhaseAt: numOrNull(row.next_phase_at),
    feePercent: numOrNull(row.fee_percent),
    endedAt: numOrNull(row.ended_at),
    created: Number(row.created ?? 0),
  };
}

/** How many schedules each status tab holds under the other filters. */
export async function countSchedules(db: Db, input: ScheduleQueryInput): Promise<ScheduleCounts> {
  const q = scheduleFiltersSchema.parse(input);
  return countByStatus(db, and(...filterConditions(q)), SCHEDULE_TABS);
}
