'use client';
// The audit log's rows: when, who, what, on which object, how it ended, and the details.
import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { DataTable, type DataTableFeatures } from '@/components/data-table/data-table';
import { auditActionLabel } from '@/lib/audit/catalog';
import type { AuditEntryView } from '@/lib/audit/view';
import { objectRouteFor } from '@/lib/auth/routes';

const column = createColumnHelper<DataTableFeatures, AuditEntryView>();

function formatTime(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: `${iso.slice(11, 19)} UTC` };
}

/** An object id, linked to its page when the console has one. */
function ObjectId({ id }: { id: string }) {
  const target = objectRouteFor(id);
  return target ? (
    <Link href={target.href} className="font-mono text-xs text-brand-600 hover:underline">
      {id}
    </Link>
  ) : (
    <code className="font-mono text-xs text-neutral-700">{id}</code>
  );
}

const columns = column.columns([
  column.accessor('startedAt', {
    header: 'Started',
    // Date over time, so the column stays narrow and the Details column fits at 1280 px.
    cell: (info) => {
      const { date, time } = formatTime(info.getValue());
      return (
        <time className="block whitespace-nowrap tabular-nums leading-tight text-neutral-600" dateTime={info.getValue()}>
          {date}
          <span className="block text-xs">{time}</span>
        </time>
      );
    },
  }),
  column.accessor('operatorEmail', {
    header: 'Operator',
    // A sign-in attempt for an address that matches no operator keeps only the e-mail typed.
    cell: (info) => (
      <div className="leading-tight">
        <div className="text-neutral-900">{info.getValue()}</div>
        {info.row.original.operatorId ? (
          <div className="text-xs text-neutral-500">{info.row.original.operatorRole}</div>
        ) : (
          <div className="text-xs italic text-neutral-500" data-testid="audit-no-operator">
            no operator
          </div>
        )}
      </div>
    ),
  }),
  column.accessor('action', {
    header: 'Action',
    cell: (info) => (
      <div className="leading-tight">
        <div className="text-neutral-900" data-testid="audit-action">
          {auditActionLabel(info.getValue(), info.row.original.outcome)}
        </div>
        <code className="text-xs text-neutral-500">{info.getValue()}</code>
      </div>
    ),
  }),
  column.accessor('targetId', {
    header: 'Object',
    cell: (info) => {
      const id = info.getValue();
      return id ? <ObjectId id={id} /> : <span className="text-neutral-500">—</span>;
    },
  }),
  column.accessor('outcome', { header: 'Outcome', cell: (info) => <OutcomeBadge outcome={info.getValue()} /> }),
  column.accessor('mode', { header: 'Mode', cell: (info) => <span className="text-xs uppercase text-neutral-600">{info.getValue()}</span> }),
  column.display({
    id: 'details',
    header: 'Details',
    cell: ({ row }) => {
      const entry = row.original;
      const params = Object.keys(entry.params).length > 0 ? JSON.stringify(entry.params) : null;
      return (
        <div className="min-w-48 max-w-md space-y-0.5 break-all text-xs text-neutral-600">
          {entry.errorMessage ? <div className="text-mode-live-ink" data-testid="audit-error">{entry.errorMessage}</div> : null}
          {params ? <code className="block break-all font-mono">{params}</code> : null}
          {entry.resultId ? (
            <div data-testid="audit-result">
              Result <ObjectId id={entry.resultId} />
            </div>
          ) : null}
          {entry.resolution ? <div data-testid="audit-resolution">Resolved: {entry.resolution}</div> : null}
          {entry.requestId ? <div>Request <code className="font-mono">{entry.requestId}</code></div> : null}
          {entry.idempotencyKey ? <div>Key <code className="font-mono">{entry.idempotencyKey}</code></div> : null}
        </div>
      );
    },
  }),
]);

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <DataTable
      columns={columns}
      data={entries}
      getRowId={(entry) => String(entry.id)}
      empty="No audit entries match these filters."
      label="Audit log"
      testId="audit-table"
    />
  );
}
