// Connected accounts' payouts from the console's index (index_objects rows of type payout, whose
// derived columns lib/index/object-row.ts makes): filtered by account and arrival date; sorted by
// arrival date, creation or amount; keyset pages; counts per status. Input is parsed with zod
// here: callers pass what the URL gave.
import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/lib/db/open';
import { accountNamed, accountStillConnected } from '@/lib/index/conditions';
import { countByStatus, numOrNull, pageOfIndexObjects } from '@/lib/lists/keyset';
import { createdRange } from '@/lib/lists/url-filters';
import { payoutFiltersSchema } from './filter-schema';
import { PAYOUT_TABS, type PayoutSort, type PayoutStatus, type PayoutTab } from './filters';

export type PayoutQueryInput = z.input<typeof payoutFiltersSchema>;

/** One row of the list: the payout, the account it pays out, where it stands. */
export interface PayoutItem {
  id: string;
  account: string;
  accountName: string | null;
  status: PayoutStatus;
  amount: number;
  currency: string;
  arrivalDate: number | null;
  failureCode: string | null;
  automatic: boolean;
  created: number;
}

export interface PayoutPage {
  items: PayoutItem[];
  next: string | null;
  prev: string | null;
}

export type PayoutCounts = Record<PayoutTab, number>;

const SORTS: Record<PayoutSort, SQL> = {
  // Every payout has an arrival date; the plain column is what index_objects_type_arrival_idx orders.
  arrival_date: sql`o.arrival_date`,
  created: sql`o.created`,
  amount: sql`o.amount`,
};

/** Every filter but the tab (the tab counts are taken over these). */
function filterConditions(q: z.output<typeof payoutFiltersSchema>): SQL[] {
  const where: SQL[] = [sql`o.type = 'payout'`, sql`not o.deleted`, sql`o.account is not null`, accountStillConnected];
  if (q.account) where.push(accountNamed(q.account));
  if (q.currency) where.push(sql`o.currency = ${q.currency}`);
  const range = createdRange(q.arrival_from, q.arrival_to);
  if (range?.gte !== undefined) where.push(sql`o.arrival_date >= ${range.gte}`);
  if (range?.lte !== undefined) where.push(sql`o.arrival_date <= ${range.lte}`);
  return where;
}

type Row = {
  id: string;
  account: string;
  account_name: string | null;
  status: PayoutStatus;
  amount: unknown;
  currency: string | null;
  arrival_date: unknown;
  failure_code: string | null;
  automatic: boolean | null;
  created: unknown;
  sort_value: unknown;
};

/** One page of the filtered, sorted payouts. */
export async function queryPayouts(db: Db, input: PayoutQueryInput): Promise<PayoutPage> {
  const q = payoutFiltersSchema.parse(input);
  const page = await pageOfIndexObjects<Row>(db, q, {
    columns: sql`o.id, o.account, o.status, o.amount, o.currency, o.arrival_date, o.failure_code, o.automatic, o.created`,
    expr: SORTS[q.sort],
    cast: sql`bigint`,
    where: filterConditions(q),
  });
  return { items: page.rows.map(toItem), next: page.next, prev: page.prev };
}

function toItem(row: Row): PayoutItem {
  return {
    id: row.id,
    account: row.account,
    accountName: row.account_name,
    status: row.status,
    amount: Number(row.amount ?? 0),
    currency: row.currency ?? 'usd',
    arrivalDate: numOrNull(row.arrival_date),
    failureCode: row.failure_code,
    automatic: row.automatic === true,
    created: Number(row.created ?? 0),
  };
}

/** How many payouts each status tab holds under the other filters. */
export async function countPayouts(db: Db, input: PayoutQueryInput): Promise<PayoutCounts> {
  const q = payoutFiltersSchema.parse(input);
  return countByStatus(db, and(...filterConditions(q)), PAYOUT_TABS);
}
