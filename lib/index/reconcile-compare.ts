// Reconciliation's comparison of one row with Stripe (lib/index/reconcile.ts runs it): the row's
// JSON field by field against the object read live (on the platform or, for a Connect object, on
// its account), its filter columns derived again from its JSON, and the repair: the object read
// again through apply's refetch path, or a tombstone when Stripe no longer has it.
import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects, type ReconcileDrift } from '@/lib/db/schema';
import { accountColumns } from './account-row';
import { applyDeletion, type StripeObject } from './apply';
import { diffPaths } from './field-diff';
import { refetchObject, retrieveObject, type ObjectRef } from './fetch';
import { objectColumns, type IndexedObjectType } from './object-row';

export type Kind = 'account' | IndexedObjectType;

/** Objects Stripe keeps on a connected account (a Connect event's), read with its Stripe-Account. */
const CONNECT_SCOPED = new Set<Kind>(['charge', 'radar.early_fraud_warning', 'review', 'dispute', 'subscription_schedule', 'payout']);

/** Whether the inbox still holds an event for the object (its change is on its way). */
export async function eventWaiting(db: Db, type: Kind, id: string): Promise<boolean> {
  const ofAccount = type === 'account' ? sql` or account = ${id}` : sql``;
  const result = await db.execute(sql`select 1 from webhook_inbox where status = 'pending' and (payload->'data'->'object'->>'id' = ${id}${ofAccount}) limit 1`);
  const rows = (result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
  return rows.length > 0;
}

type Row = { data: Record<string, unknown>; deleted: boolean; account: string | null; parent: string | null; stored: Record<string, unknown>; derived: Record<string, unknown> };

/** A row with its derived columns as stored and as derived again from its JSON. */
async function readRow(db: Db, type: Kind, id: string): Promise<Row | null> {
  if (type === 'account') {
    const [row] = await db.select().from(indexAccounts).where(eq(indexAccounts.id, id)).limit(1);
    if (!row) return null;
    const derived = accountColumns(row.data as unknown as Stripe.Account) as unknown as Record<string, unknown>;
    const stored = Object.fromEntries(Object.keys(derived).map((key) => [key, (row as Record<string, unknown>)[key]]));
    return { data: row.data, deleted: row.deleted, account: null, parent: null, stored, derived };
  }
  const [row] = await db.select().from(indexObjects).where(eq(indexObjects.id, id)).limit(1);
  if (!row) return null;
  const derived: Record<string, unknown> = { ...objectColumns(row.data as StripeObject) };
  // A reversal's, a refund's, a warning's or a review's account comes from its parent's row, a Connect object's from its event.
  if (derived.account === null) delete derived.account;
  const stored = Object.fromEntries(Object.keys(derived).map((key) => [key, (row as Record<string, unknown>)[key]]));
  return { data: row.data, deleted: row.deleted, account: row.account, parent: row.parent, stored, derived };
}

const asJson = (o: unknown) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

/**
 * Where a row differs from the object: its JSON's fields; when the JSON is right, its derived
 * columns (`column status`), which otherwise follow the JSON's repair.
 */
function differences(row: Row, live: unknown): string[] {
  const fields = diffPaths(row.data, asJson(live));
  return fields.length > 0 ? fields : diffPaths(row.stored, row.derived).map((path) => `column ${path}`);
}

/** The object as Stripe has it now, on the platform or, for a Connect object, on its account; null when gone. */
async function readLive(stripe: Stripe, type: Kind, id: string, row: Row): Promise<{ object: StripeObject; ref: ObjectRef } | null> {
  const ref: ObjectRef = { object: type, id, parent: row.parent };
  const object = await retrieveObject(stripe, ref);
  if (object) return { object, ref };
  if (!CONNECT_SCOPED.has(type) || !row.account) return null;
  const connectRef = { ...ref, account: row.account };
  const connected = await retrieveObject(stripe, connectRef);
  return connected ? { object: connected, ref: connectRef } : null;
}

/**
 * Compares one live row with Stripe; the drift (repaired by reading the object again, or a
 * tombstone when it is gone), or null when the row equals Stripe.
 */
export async function compareRow(db: Db, stripe: Stripe, type: Kind, id: string, read: <T>(call: () => Promise<T>) => Promise<T>): Promise<ReconcileDrift | null> {
  const row = await readRow(db, type, id);
  if (!row || row.deleted) return null;
  const live = await read(() => readLive(stripe, type, id, row));
  if (!live) {
    await applyDeletion(db, { id, object: type }, { created: Math.floor(Date.now() / 1000), fetched: true });
    return { type, id, kind: 'extra', fields: [], repaired: (await readRow(db, type, id))?.deleted === true };
  }
  // The row again: a change may have landed while Stripe was read.
  const now = await readRow(db, type, id);
  if (!now || now.deleted) return null;
  const fields = differences(now, live.object);
  if (fields.length === 0) return null;
  const fresh = await read(() => refetchObject(db, stripe, live.ref));
  const after = await readRow(db, type, id);
  const repaired = fresh !== null && after !== null && differences(after, fresh).length === 0;
  return { type, id, kind: 'differs', fields, repaired };
}
