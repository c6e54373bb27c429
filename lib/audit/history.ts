// One object's history for its detail page: the latest audit entries about an object id, read
// only for operators who may read the audit log (null for the others, who see no history). The
// one place pages, their server components and the history route handler read it from.
import 'server-only';
import { findLatestSucceeded, listObjectHistory, type AuditEntry } from '@/lib/audit/store';
import type { SessionOperator } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { OBJECT_HISTORY_LIMIT } from '@/lib/audit/keys';
import { getDb } from '@/lib/db/client';

export async function readObjectHistory(operator: Pick<SessionOperator, 'role'>, objectId: string, limit = OBJECT_HISTORY_LIMIT): Promise<AuditEntry[] | null> {
  if (!can(operator.role, 'audit.read')) return null;
  return listObjectHistory(await getDb(), objectId, limit);
}

/** Who deleted an account through the console, and when: the newest succeeded `account.delete`
 * entry about it (one indexed read), for the page of an account Stripe no longer has. */
export async function readDeletion(accountId: string): Promise<{ entryId: number; at: string; by: string } | null> {
  const entry = await findLatestSucceeded(await getDb(), 'account.delete', accountId);
  return entry ? { entryId: entry.id, at: (entry.completedAt ?? entry.startedAt).toISOString(), by: entry.operatorEmail ?? 'an operator with no e-mail on record' } : null;
}
