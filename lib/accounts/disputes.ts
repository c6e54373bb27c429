// The newest disputes on an account's charges, from the console's index (a destination charge's
// dispute is filed under its destination, a direct charge's under the account: lib/index/object-row.ts).
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { indexObjects } from '@/lib/db/schema';
import { disputeSummary, type DisputeSummary } from '@/lib/disputes/view';

export async function listDisputesOf(id: string, limit = 10): Promise<DisputeSummary[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(indexObjects)
    .where(and(eq(indexObjects.account, id), eq(indexObjects.type, 'dispute'), eq(indexObjects.deleted, false)))
    .orderBy(desc(indexObjects.created), desc(indexObjects.id))
    .limit(limit);
  return rows.map(disputeSummary);
}
