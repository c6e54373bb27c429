// The audit log as CSV (RFC 4180), for the export route. Pure. Cells that a spreadsheet would
// run as a formula are prefixed with a quote, since parameters and messages come from operators.
import { auditActionLabel } from '@/lib/audit/catalog';
import type { AuditEntry } from '@/lib/audit/store';

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

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

export function auditCsvRow(entry: AuditEntry): string {
  return (
    [
      entry.id,
      entry.startedAt,
      entry.completedAt,
      entry.operatorId,
      entry.operatorEmail,
      entry.operatorRole,
      entry.action,
      auditActionLabel(entry.action),
      entry.targetId,
      entry.outcome,
      entry.mode,
      entry.requestId,
      entry.idempotencyKey,
      entry.errorMessage,
      entry.params,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
