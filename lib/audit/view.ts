// Audit entries as the browser receives them: plain JSON, dates as ISO strings. Client-safe.
import type { AuditOutcomeName } from '@/lib/audit/catalog';
import type { AuditEntry } from '@/lib/audit/store';

export type AuditEntryView = {
  id: number;
  startedAt: string;
  completedAt: string | null;
  /** Null for a sign-in attempt that matched no operator. */
  operatorId: string | null;
  operatorEmail: string;
  operatorRole: string | null;
  action: string;
  targetId: string | null;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  mode: string;
  outcome: AuditOutcomeName;
  requestId: string | null;
  errorMessage: string | null;
  resultId: string | null;
  resolution: string | null;
};

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  // The chain hashes stay on the server: the Audit page shows the verification, not the hashes.
  const { chainHash: _chain, outcomeHash: _outcome, ...rest } = entry;
  return {
    ...rest,
    startedAt: entry.startedAt.toISOString(),
    completedAt: entry.completedAt ? entry.completedAt.toISOString() : null,
  };
}
