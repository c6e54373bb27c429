// Writes Stripe objects into the index, never making the copy older. Each row remembers the
// Stripe-clock second of the newest change it holds (`event_created`):
// - an event's object is applied only when its event is strictly newer than the row;
// - an object fetched from Stripe (backfill, a refetch, the console's own write) is the truth at the
//   second its answer was made, so it is applied unless the row holds a newer change.
// An event of the same second as the row (or, for a fetched row, of the second before, since the
// read may have happened then) cannot be ordered: the caller fetches the object again
// (`ambiguous`). A deleted object stays as a tombstone, so no late event brings it back.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { recomputeAccounts } from '@/lib/risk/recompute';
import { accountColumns } from './account-row';
import { isIndexedObjectType, objectColumns } from './object-row';

/** How new an object is: the Stripe-clock second, and whether it was fetched (true) or came with an event. */
export interface Freshness {
  created: number;
  fetched: boolean;
  /** The connected account of a Connect event (the event's `account`). */
  account?: string | null;
  /** Part of a backfill: the risk queue is recomputed once at its end (lib/risk/recompute.ts), not per page. */
  bulk?: boolean;
}

export type ApplyResult = 'applied' | 'stale' | 'ambiguous' | 'ignored';

/** A Stripe object as the index receives it (an event's data.object, a list item, an API answer). */
export type StripeObject = Record<string, unknown> & { id: string; object: string };

export const isAccount = (o: StripeObject): boolean => o.object === 'account';
/**
 * Whether the index keeps this object: of a kind it indexes, and for a subscription schedule or a
 * payout, one of a connected account (`account`: the Connect event's, or the account it was read
 * as). The platform's own schedules pay it no application fee, and finance follows the connected
 * accounts' payouts, not the platform's own, so the index leaves them out.
 */
export const isIndexed = (o: StripeObject, account: string | null = null): boolean =>
  isAccount(o) || (isIndexedObjectType(o.object) && ((o.object !== 'subscription_schedule' && o.object !== 'payout') || Boolean(account)));

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/** The risk signals of an account, counted from the indexed warnings and reviews. */
const riskCounts = (account: SQL | string) => ({
  openEarlyFraudWarnings: sql`(select count(*)::int from index_objects o where o.type = 'radar.early_fraud_warning' and o.account = ${account} and o.status = 'actionable' and not o.deleted)`,
  openReviews: sql`(select count(*)::int from index_objects o where o.type = 'review' and o.account = ${account} and o.status = 'open' and not o.deleted)`,
});

/** The guard on an upsert: a fetched object may replace a row of the same second, an event's only an older one. */
function newerThanRow(table: typeof indexAccounts | typeof indexObjects, fetched: boolean): SQL {
  const older = fetched ? sql`${table.eventCreated} <= excluded.event_created` : sql`${table.eventCreated} < excluded.event_created`;
  return sql`${older} and not ${table.deleted}`;
}

function accountValues(o: StripeObject, f: Freshness) {
  const columns = accountColumns(o as unknown as Stripe.Account);
  return { id: o.id, ...columns, ...riskCounts(o.id), data: o, eventCreated: f.created, fromFetch: f.fetched, deleted: false, syncedAt: sql`now()` };
}

function objectValues(o: StripeObject, f: Freshness) {
  const columns = objectColumns(o, f.account ?? null);
  // A child names its account through its parent (a reversal's transfer, a warning's charge).
  const account = columns.account ?? (columns.parent ? sql`(select p.account from index_objects p where p.id = ${columns.parent})` : null);
  return { id: o.id, ...columns, account, data: o, eventCreated: f.created, fromFetch: f.fetched, deleted: false, syncedAt: sql`now()` };
}

const ACCOUNT_UPDATE = {
  type: excluded('type'),
  country: excluded('country'),
  businessName: excluded('business_name'),
  email: excluded('email'),
  created: excluded('created'),
  chargesEnabled: excluded('charges_enabled'),
  payoutsEnabled: excluded('payouts_enabled'),
  detailsSubmitted: excluded('details_submitted'),
  status: excluded('status'),
  disabledReason: excluded('disabled_reason'),
  currentlyDueCount: excluded('currently_due_count'),
  pastDueCount: excluded('past_due_count'),
  eventuallyDueCount: excluded('eventually_due_count'),
  pendingVerificationCount: excluded('pending_verification_count'),
  currentDeadline: excluded('current_deadline'),
  dueFields: excluded('due_fields'),
  capabilities: excluded('capabilities'),
  metadata: excluded('metadata'),
  searchText: excluded('search_text'),
  data: excluded('data'),
  eventCreated: excluded('event_created'),
  fromFetch: excluded('from_fetch'),
  syncedAt: sql`now()`,
};

const OBJECT_UPDATE = {
  type: excluded('type'),
  account: excluded('account'),
  parent: excluded('parent'),
  created: excluded('created'),
  status: excluded('status'),
  amount: excluded('amount'),
  currency: excluded('currency'),
  riskLevel: excluded('risk_level'),
  riskScore: excluded('risk_score'),
  customer: excluded('customer'),
  phaseIndex: excluded('phase_index'),
  phaseCount: excluded('phase_count'),
  nextPhaseAt: excluded('next_phase_at'),
  feePercent: excluded('fee_percent'),
  endedAt: excluded('ended_at'),
  arrivalDate: excluded('arrival_date'),
  failureCode: excluded('failure_code'),
  automatic: excluded('automatic'),
  metadata: excluded('metadata'),
  data: excluded('data'),
  eventCreated: excluded('event_created'),
  fromFetch: excluded('from_fetch'),
  syncedAt: sql`now()`,
};

/** Counts an account's open warnings and reviews again (after one of them changed). */
export async function refreshRiskSignals(db: Db, accounts: Iterable<string | null>): Promise<void> {
  const ids = [...new Set([...accounts].filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  await db
    .update(indexAccounts)
    .set(riskCounts(sql`${indexAccounts.id}`))
    .where(inArray(indexAccounts.id, ids));
}

/**
 * Upserts objects of one freshness (a list page, an API answer, an event's object); returns the
 * ids that were written. Objects the index does not keep are skipped (see isIndexed).
 */
export async function applyObjects(db: Db, objects: StripeObject[], f: Freshness): Promise<Set<string>> {
  const written = new Set<string>();
  /** The connected accounts the written rows concern: their risk is recomputed. */
  const concerned: Array<string | null> = [];
  const accounts = objects.filter(isAccount);
  const others = objects.filter((o) => !isAccount(o) && isIndexed(o, f.account ?? null));
  if (accounts.length > 0) {
    const rows = await db
      .insert(indexAccounts)
      .values(accounts.map((o) => accountValues(o, f)))
      .onConflictDoUpdate({ target: indexAccounts.id, set: ACCOUNT_UPDATE, setWhere: newerThanRow(indexAccounts, f.fetched) })
      .returning({ id: indexAccounts.id });
    for (const row of rows) written.add(row.id);
    concerned.push(...rows.map((row) => row.id));
  }
  if (others.length > 0) {
    const rows = await db
      .insert(indexObjects)
      .values(others.map((o) => objectValues(o, f)))
      .onConflictDoUpdate({ target: indexObjects.id, set: OBJECT_UPDATE, setWhere: newerThanRow(indexObjects, f.fetched) })
      .returning({ id: indexObjects.id, type: indexObjects.type, account: indexObjects.account });
    for (const row of rows) written.add(row.id);
    const risky = rows.filter((row) => row.type === 'radar.early_fraud_warning' || row.type === 'review');
    await refreshRiskSignals(db, risky.map((row) => row.account));
    concerned.push(...rows.map((row) => row.account));
    // A child applied before its charge (a dispute's event of the same second) named no account: it takes the charge's now.
    const charges = rows.filter((row) => row.type === 'charge' && row.account).map((row) => row.id);
    if (charges.length > 0) {
      const adopted = await db
        .update(indexObjects)
        .set({ account: sql`(select p.account from index_objects p where p.id = ${indexObjects.parent})` })
        .where(and(inArray(indexObjects.parent, charges), sql`${indexObjects.account} is null`))
        .returning({ type: indexObjects.type, account: indexObjects.account });
      await refreshRiskSignals(db, adopted.filter((row) => row.type === 'radar.early_fraud_warning' || row.type === 'review').map((row) => row.account));
      concerned.push(...adopted.map((row) => row.account));
    }
  }
  if (!f.bulk) await recomputeAccounts(db, concerned);
  return written;
}

/** The freshness a row holds, or null when the index has no row for the id. */
export async function rowFreshness(db: Db, o: Pick<StripeObject, 'id' | 'object'>): Promise<{ created: number; fetched: boolean; deleted: boolean } | null> {
  const table = o.object === 'account' ? indexAccounts : indexObjects;
  const [row] = await db.select({ created: table.eventCreated, fetched: table.fromFetch, deleted: table.deleted }).from(table).where(eq(table.id, o.id)).limit(1);
  return row ? { created: row.created, fetched: row.fetched, deleted: row.deleted } : null;
}

/**
 * Applies one object: `applied`; `stale` when the row holds a newer change (or the object is
 * deleted); `ambiguous` when an event cannot be ordered against the row, so the caller must fetch
 * the object again; `ignored` for kinds the index does not keep.
 */
export async function applyObject(db: Db, o: StripeObject, f: Freshness): Promise<ApplyResult> {
  if (!isIndexed(o, f.account ?? null)) return 'ignored';
  if ((await applyObjects(db, [o], f)).has(o.id)) return 'applied';
  const row = await rowFreshness(db, o);
  if (!row || row.deleted || f.fetched) return 'stale';
  const sameSecond = f.created === row.created || (row.fetched && f.created === row.created - 1);
  return sameSecond ? 'ambiguous' : 'stale';
}

/** Marks an object deleted (an account deauthorized or deleted): a tombstone no later write undoes. */
export async function applyDeletion(db: Db, o: Pick<StripeObject, 'id' | 'object'>, f: Freshness): Promise<void> {
  const tombstone = { id: o.id, object: o.object, deleted: true };
  if (o.object === 'account') {
    await db
      .insert(indexAccounts)
      .values({ id: o.id, status: 'rejected', data: tombstone, eventCreated: f.created, fromFetch: f.fetched, deleted: true })
      .onConflictDoUpdate({ target: indexAccounts.id, set: { deleted: true, eventCreated: sql`greatest(${indexAccounts.eventCreated}, excluded.event_created)`, syncedAt: sql`now()` } });
    if (!f.bulk) await recomputeAccounts(db, [o.id]);
    return;
  }
  if (!isIndexedObjectType(o.object)) return;
  const [row] = await db
    .insert(indexObjects)
    .values({ id: o.id, type: o.object, data: tombstone, eventCreated: f.created, fromFetch: f.fetched, deleted: true })
    .onConflictDoUpdate({ target: indexObjects.id, set: { deleted: true, eventCreated: sql`greatest(${indexObjects.eventCreated}, excluded.event_created)`, syncedAt: sql`now()` } })
    .returning({ account: indexObjects.account });
  await refreshRiskSignals(db, [row?.account ?? null]);
  if (!f.bulk) await recomputeAccounts(db, [row?.account ?? null]);
}

/** Ids among `ids` that the index holds as live (not deleted) rows of the table. */
export async function liveIds(db: Db, kind: 'account' | 'object', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = kind === 'account' ? indexAccounts : indexObjects;
  const rows = await db.select({ id: table.id }).from(table).where(and(inArray(table.id, ids), eq(table.deleted, false)));
  return new Set(rows.map((row) => row.id));
}
