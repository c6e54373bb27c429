// The accounts list from the index: the Stripe Dashboard's status tabs with their counts, the
// filters Stripe's list cannot apply (type, country, status, disabled reason, a capability's
// status, a due requirement, past due, a deadline, risk signals, created range, metadata), search
// by id, name, e-mail or metadata value (partial, a trigram index), sort by any column, keyset
// pagination, and the whole filtered set as a CSV stream. Input is parsed with zod here: callers
// pass what the URL or the form gave.
import 'server-only';
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type Stripe from 'stripe';
import { accountCsvHeader, accountCsvRow } from '@/lib/accounts/csv';
import type { Db } from '@/lib/db/open';
import { indexAccounts, type IndexAccountRow } from '@/lib/db/schema';
import { ACCOUNT_TABS, type AccountTab } from './account-row';
import { likeLiteral } from './conditions';

export const ACCOUNT_SORTS = ['created', 'business_name', 'email', 'country', 'type', 'status', 'current_deadline', 'currently_due_count', 'past_due_count', 'synced_at', 'id'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const unixSeconds = z.coerce.number().int().min(0).max(99_999_999_999);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

/** What the list asks of the index; every field optional. */
export const accountQuerySchema = z.object({
  tab: z.enum(['all', ...ACCOUNT_TABS]).default('all'),
  type: oneOrMany(z.enum(['custom', 'express', 'standard', 'none'])).optional(),
  country: oneOrMany(z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code.')).optional(),
  disabledReason: z.string().trim().min(1).max(100).optional(),
  capability: z.object({ name: z.string().regex(/^[a-z0-9_]+$/).max(100), status: z.enum(['active', 'inactive', 'pending', 'unrequested', 'disabled']) }).optional(),
  /** A requirement field that is currently or past due (`external_account`, `company.tax_id`). */
  dueField: z.string().trim().min(1).max(200).optional(),
  pastDueOnly: z.coerce.boolean().default(false),
  /** The current deadline falls before this (unix seconds). */
  deadlineBefore: unixSeconds.optional(),
  /** Accounts with an open early fraud warning, an open review, or either. */
  risk: z.enum(['early_fraud_warning', 'review', 'any']).optional(),
  createdFrom: unixSeconds.optional(),
  /** Exclusive. */
  createdTo: unixSeconds.optional(),
  metadata: z.object({ key: z.string().trim().min(1).max(40), value: z.string().max(500).optional() }).optional(),
  search: z.string().trim().max(200).optional(),
  sort: z.enum(ACCOUNT_SORTS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The cursor of the page before (next page) or after (previous page); from a previous answer. */
  after: z.string().max(500).optional(),
  before: z.string().max(500).optional(),
});
export type AccountQueryInput = z.input<typeof accountQuerySchema>;
export type AccountQuery = z.output<typeof accountQuerySchema>;

const t = indexAccounts;

/**
 * The sort's expression: nullable columns fall back to a value that sorts them last in ascending
 * order. `created` is sorted as it is, so its indexes serve the default order (every account has
 * one; only a tombstone lacks it).
 */
function sortExpression(sort: AccountSort): SQL {
  switch (sort) {
    case 'created':
      return sql`${t.created}`;
    case 'business_name':
      return sql`${t.businessName}`;
    case 'email':
      return sql`${t.email}`;
    case 'country':
      return sql`coalesce(${t.country}, '~')`;
    case 'type':
      return sql`coalesce(${t.type}, '~')`;
    case 'status':
      return sql`${t.status}`;
    case 'current_deadline':
      return sql`coalesce(${t.currentDeadline}, 99999999999)`;
    case 'currently_due_count':
      return sql`${t.currentlyDueCount}`;
    case 'past_due_count':
      return sql`${t.pastDueCount}`;
    case 'synced_at':
      return sql`${t.syncedAt}`;
    case 'id':
      return sql`${t.id}`;
  }
}

/** LIKE's wildcards taken literally. */

/** Every filter but the tab (the tab counts are taken over these). */
function filterConditions(q: AccountQuery): SQL[] {
  const where: SQL[] = [eq(t.deleted, false)];
  if (q.type?.length) where.push(sql`${t.type} in ${q.type}`);
  if (q.country?.length) where.push(sql`${t.country} in ${q.country}`);
  if (q.disabledReason) where.push(eq(t.disabledReason, q.disabledReason));
  if (q.capability) {
    // `unrequested` is also what an absent capability means.
    where.push(
      q.capability.status === 'unrequested'
        ? sql`(${t.capabilities} @> ${JSON.stringify({ [q.capability.name]: 'unrequested' })}::jsonb or not (${t.capabilities} ? ${q.capability.name}))`
        : sql`${t.capabilities} @> ${JSON.stringify({ [q.capability.name]: q.capability.status })}::jsonb`,
    );
  }
  if (q.dueField) where.push(sql`${t.dueFields} @> array[${q.dueField}]::text[]`);
  if (q.pastDueOnly) where.push(sql`${t.pastDueCount} > 0`);
  if (q.deadlineBefore !== undefined) where.push(lt(t.currentDeadline, q.deadlineBefore));
  if (q.risk === 'early_fraud_warning') where.push(sql`${t.openEarlyFraudWarnings} > 0`);
  if (q.risk === 'review') where.push(sql`${t.openReviews} > 0`);
  if (q.risk === 'any') where.push(sql`(${t.openEarlyFraudWarnings} > 0 or ${t.openReviews} > 0)`);
  if (q.createdFrom !== undefined) where.push(gte(t.created, q.createdFrom));
  if (q.createdTo !== undefined) where.push(lt(t.created, q.createdTo));
  if (q.metadata) {
    where.push(q.metadata.value !== undefined ? sql`${t.metadata} @> ${JSON.stringify({ [q.metadata.key]: q.metadata.value })}::jsonb` : sql`${t.metadata} ? ${q.metadata.key}`);
  }
  if (q.search) where.push(sql`${t.searchText} like ${`%${likeLiteral(q.search.toLowerCase())}%`}`);
  return where;
}

function tabCondition(tab: AccountQuery['tab']): SQL | undefined {
  return tab === 'all' ? undefined : eq(t.status, tab);
}

/** A page boundary: the sort value and the id of the row at the page's edge. */
type Cursor = [value: string | number | null, id: string];

export function encodeCursor(row: IndexAccountRow, sort: AccountSort): string {
  const value = sortValue(row, sort);
  return Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor | null {
  try {
    const parsed = z.tuple([z.union([z.string(), z.number(), z.null()]), z.string()]).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The row's value of the sort expression (as sortExpression computes it). */
function sortValue(row: IndexAccountRow, sort: AccountSort): string | number | Date {
  switch (sort) {
    case 'created':
      return row.created ?? 0;
    case 'business_name':
      return row.businessName;
    case 'email':
      return row.email;
    case 'country':
      return row.country ?? '~';
    case 'type':
      return row.type ?? '~';
    case 'status':
      return row.status;
    case 'current_deadline':
      return row.currentDeadline ?? 99_999_999_999;
    case 'currently_due_count':
      return row.currentlyDueCount;
    case 'past_due_count':
      return row.pastDueCount;
    case 'synced_at':
      return row.syncedAt;
    case 'id':
      return row.id;
  }
}

/** Rows strictly after (`forward`) or before the cursor in the sort's order. */
function keyset(sort: AccountSort, order: 'asc' | 'desc', cursor: Cursor, forward: boolean): SQL {
  const expr = sortExpression(sort);
  const value = sort === 'synced_at' ? sql`${cursor[0]}::timestamptz` : sql`${cursor[0]}`;
  const greater = (order === 'asc') === forward;
  return greater ? sql`(${expr}, ${t.id}) > (${value}, ${cursor[1]})` : sql`(${expr}, ${t.id}) < (${value}, ${cursor[1]})`;
}

export interface AccountPage {
  items: IndexAccountRow[];
  /** Cursor for the next page (`after`), or null at the end. */
  next: string | null;
  /** Cursor for the previous page (`before`), or null on the first. */
  prev: string | null;
}

/** The WHERE and ORDER BY of rows matching the query, from the cursor on (`forward`) or back from it. */
function rowOrder(q: AccountQuery, cursor: Cursor | null, forward: boolean): { where: SQL | undefined; orderBy: SQL[] } {
  const where = [...filterConditions(q)];
  const tab = tabCondition(q.tab);
  if (tab) where.push(tab);
  if (cursor) where.push(keyset(q.sort, q.order, cursor, forward));
  const expr = sortExpression(q.sort);
  const ascending = (q.order === 'asc') === forward;
  return { where: and(...where), orderBy: [ascending ? asc(expr) : desc(expr), ascending ? asc(t.id) : desc(t.id)] };
}

/** Up to `limit` rows matching the query, from the cursor on (`forward`) or back from it. */
async function selectRows(db: Db, q: AccountQuery, cursor: Cursor | null, forward: boolean, limit: number): Promise<IndexAccountRow[]> {
  const { where, orderBy } = rowOrder(q, cursor, forward);
  return db.select().from(t).where(where).orderBy(...orderBy).limit(limit);
}

/** One page of the filtered, sorted list. */
export async function queryAccounts(db: Db, input: AccountQueryInput): Promise<AccountPage> {
  const q = accountQuerySchema.parse(input);
  const backward = !q.after && Boolean(q.before);
  const cursor = q.after ? decodeCursor(q.after) : q.before ? decodeCursor(q.before) : null;
  const rows = await selectRows(db, q, cursor, !backward, q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  if (backward) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: last && (backward || more) ? encodeCursor(last, q.sort) : null,
    prev: first && (backward ? more : Boolean(cursor)) ? encodeCursor(first, q.sort) : null,
  };
}

export type TabCounts = Record<'all' | AccountTab, number>;

/** How many accounts each tab holds under the other filters (and the search). */
export async function countAccountTabs(db: Db, input: AccountQueryInput): Promise<TabCounts> {
  const q = accountQuerySchema.parse(input);
  const rows = await db
    .select({ status: t.status, count: sql<number>`count(*)::int` })
    .from(t)
    .where(and(...filterConditions(q)))
    .groupBy(t.status);
  const counts = Object.fromEntries(['all', ...ACCOUNT_TABS].map((tab) => [tab, 0])) as TabCounts;
  for (const row of rows) {
    if ((ACCOUNT_TABS as readonly string[]).includes(row.status)) counts[row.status as AccountTab] = Number(row.count);
    counts.all += Number(row.count);
  }
  return counts;
}

/** Rows per database read while exporting: memory holds one batch, never the whole set. */
export const EXPORT_BATCH = 1000;

/** The whole filtered, sorted set as CSV (the accounts list's columns), read in keyset batches as the stream is pulled. */
export function exportAccountsCsv(db: Db, input: AccountQueryInput, { now, batch: batchSize = EXPORT_BATCH }: { now?: number; batch?: number } = {}): ReadableStream<Uint8Array> {
  const q = accountQuerySchema.parse({ ...input, after: undefined, before: undefined });
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(accountCsvHeader()));
      }
      const batch = await exportBatch(db, q, after, batchSize);
      if (batch.accounts.length > 0) controller.enqueue(encoder.encode(batch.accounts.map((account) => accountCsvRow(account, now)).join('')));
      after = batch.next ?? undefined;
      if (!batch.next) controller.close();
    },
  }, { highWaterMark: 1 });
}

/**
 * What the CSV row reads of an account (lib/accounts/csv.ts), projected in the database: the
 * whole object is several kilobytes, and reading 100,000 of them would cost most of the export.
 */
const CSV_FIELDS = sql<Stripe.Account>`jsonb_build_object(
  'id', ${t.data}->'id', 'email', ${t.data}->'email', 'type', ${t.data}->'type', 'country', ${t.data}->'country', 'created', ${t.data}->'created',
  'charges_enabled', ${t.data}->'charges_enabled', 'payouts_enabled', ${t.data}->'payouts_enabled', 'details_submitted', ${t.data}->'details_submitted',
  'requirements', ${t.data}->'requirements', 'capabilities', ${t.data}->'capabilities',
  'business_profile', jsonb_build_object('name', ${t.data}#>'{business_profile,name}'),
  'settings', jsonb_build_object('dashboard', jsonb_build_object('display_name', ${t.data}#>'{settings,dashboard,display_name}')),
  'company', jsonb_build_object('name', ${t.data}#>'{company,name}'),
  'individual', jsonb_build_object('first_name', ${t.data}#>'{individual,first_name}', 'last_name', ${t.data}#>'{individual,last_name}'))`;

async function exportBatch(db: Db, q: AccountQuery, after: string | undefined, size: number): Promise<{ accounts: Stripe.Account[]; next: string | null }> {
  const { where, orderBy } = rowOrder(q, after ? decodeCursor(after) : null, true);
  const rows = await db
    .select({ id: t.id, sortValue: sql<string | number | Date>`${sortExpression(q.sort)}`, account: CSV_FIELDS })
    .from(t)
    .where(where)
    .orderBy(...orderBy)
    .limit(size);
  const last = rows[rows.length - 1];
  const lastValue = last?.sortValue instanceof Date ? last.sortValue.toISOString() : (last?.sortValue ?? null);
  const account = (row: { account: unknown }) => (typeof row.account === 'string' ? JSON.parse(row.account) : row.account) as Stripe.Account;
  return {
    accounts: rows.map(account),
    next: rows.length === size && last ? Buffer.from(JSON.stringify([lastValue, last.id])).toString('base64url') : null,
  };
}

/** How fresh the index is, for every page that reads it ("updated 3 s ago"). */
export async function indexFreshness(db: Db): Promise<{ lastSyncedAt: Date | null; accounts: number }> {
  const [row] = await db.select({ last: sql<string | null>`max(${t.syncedAt})`, accounts: sql<number>`count(*) filter (where not ${t.deleted})::int` }).from(t);
  return { lastSyncedAt: row?.last ? new Date(row.last) : null, accounts: Number(row?.accounts ?? 0) };
}
