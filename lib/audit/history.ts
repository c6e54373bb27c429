// One object's history for its detail page: the latest audit entries about an object id, read
// only for operators who may read the audit log (null for the others, who see no history). The
// one place pages, their server components and the history route handler read it from.
import 'server-only';
import { listObjectHistory, type AuditEntry } from '@/lib/audit/store';
import type { SessionOperator } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';

export const HISTORY_LENGTH = 10;

export async function readObjectHistory(operator: Pick<SessionOperator, 'role'>, objectId: string, limit = HISTORY_LENGTH): Promise<AuditEntry[] | null> {
  if (!can(operator.role, 'audit.read')) return null;
  return listObjectHistory(await getDb(), objectId, limit);
}
