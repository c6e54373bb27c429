// Saved views in the database: the views an operator is offered on a list (their own and the
// team's), adding one (a name is unique per owner and list) and deleting one's own. No
// `server-only`, so tests open a database and call these directly.
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { operators, savedViews } from '@/lib/db/schema';
import { randomId } from '@/lib/random-id';

export function newViewId(): string {
  return randomId('view_');
}

export interface SavedView {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  /** Who saved it (for the team's views). */
  owner: string;
}

/** The operator's own views and the team's, on one list: theirs first, then by name. */
export async function listSavedViews(db: Db, operatorId: string, list: string): Promise<SavedView[]> {
  const rows = await db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query, shared: savedViews.shared, ownerId: savedViews.ownerId, owner: operators.name })
    .from(savedViews)
    .innerJoin(operators, eq(operators.id, savedViews.ownerId))
    .where(and(eq(savedViews.list, list), or(eq(savedViews.ownerId, operatorId), eq(savedViews.shared, true))))
    .orderBy(asc(savedViews.name));
  return rows
    .map((row) => ({ id: row.id, name: row.name, query: row.query, shared: row.shared, mine: row.ownerId === operatorId, owner: row.owner }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}

export class DuplicateViewNameError extends Error {}

export async function insertSavedView(db: Db, view: { list: string; name: string; ownerId: string; shared: boolean; query: string }): Promise<string> {
  const id = newViewId();
  const rows = await db.insert(savedViews).values({ id, ...view }).onConflictDoNothing().returning({ id: savedViews.id });
  if (rows.length === 0) throw new DuplicateViewNameError(`You already have a view named “${view.name}”.`);
  return id;
}

/** Deletes the view if the operator owns it; false otherwise (someone else's, or gone). */
export async function deleteOwnView(db: Db, viewId: string, operatorId: string): Promise<boolean> {
  const rows = await db.delete(savedViews).where(and(eq(savedViews.id, viewId), eq(savedViews.ownerId, operatorId))).returning({ id: savedViews.id });
  return rows.length > 0;
}
