// The audit log as CSV (RFC 4180), for the export route. Pure. Parameters and messages come from
// operators, so cells go through lib/http/csv.ts, which defuses formulas.
import { auditActionLabel } from '@/lib/audit/catalog';
import type { AuditEntry } from '@/lib/audit/store';
import { csvLine } from '@/lib/http/csv';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'started_at',
  'completed_at',
  'operator_id',
  'operator_email',
  'operator_role',
  'action',
  'action_label',
  'target_id',
  'outcome',
  'mode',
  'request_id',
  'idempotency_key',
  'error_message',
  'params',
] as const;

export function auditCsvHeader(): string {
  return csvLine(AUDIT_CSV_COLUMNS);
}

export function auditCsvRow(entry: AuditEntry): string {
  return csvLine([
    entry.id,
    entry.startedAt,
    entry.completedAt,
    entry.operatorId,
    entry.operatorEmail,
    entry.operatorRole,
    entry.action,
    auditActionLabel(entry.action, entry.outcome),
    entry.targetId,
    entry.outcome,
    entry.mode,
    entry.requestId,
    entry.idempotencyKey,
    entry.errorMessage,
    entry.params,
  ]);
}
