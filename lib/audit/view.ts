// Audit entries as the browser receives them: plain JSON, dates as ISO strings. Client-safe.
import type { AuditEntry } from '@/lib/audit/store';

export type AuditEntryView = {
  id: number;
  startedAt: string;
  completedAt: string | null;
  operatorId: string;
  operatorEmail: string;
  operatorRole: string;
  action: string;
  targetId: string | null;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  mode: string;
  outcome: 'started' | 'succeeded' | 'failed' | 'denied';
  requestId: string | null;
  errorMessage: string | null;
};

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    ...entry,
    startedAt: entry.startedAt.toISOString(),
    completedAt: entry.completedAt ? entry.completedAt.toISOString() : null,
  };
}
