'use client';
// The accounts list's columns: who the account is, its state at a glance (what is past due, due
// by a deadline, in error, why it is disabled), its capabilities and when it was made. The server
// sorts (lib/accounts/filters.ts SORT_OF_COLUMN); columns it cannot sort on say so.
import { createColumnHelper } from '@tanstack/react-table';
import { Check, X } from 'lucide-react';
import Link from 'next/link';
import type Stripe from 'stripe';
import { Badge } from '@/components/ui/badge';
import type { DataTableFeatures } from '@/components/data-table/data-table';
import { accountStatus, disabledReasonText } from '@/lib/accounts/status';
import { accountName, capabilitySummary } from '@/lib/accounts/view';
import { formatDate } from '@/lib/dates';
import { toneOf } from '@/components/accounts/tone';

const column = createColumnHelper<DataTableFeatures, Stripe.Account>();

function YesNo({ value, label }: { value: boolean | undefined; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap text-xs ${value ? 'text-emerald-700 dark:text-emerald-300' : 'text-mode-live-ink'}`}>
      {value ? <Check aria-hidden className="size-3.5" /> : <X aria-hidden className="size-3.5" />}
      {label} {value ? 'on' : 'off'}
    </span>
  );
}

export const ACCOUNT_COLUMNS = column.columns([
  column.accessor('id', {
    header: 'Account',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <Link href={`/accounts/${info.getValue()}`} className="font-mono text-xs text-brand-600 hover:underline" data-testid="account-link">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor((a) => accountName(a), {
    id: 'name',
    header: 'Name or e-mail',
    sortFn: 'text',
    cell: (info) => (
      <div className="w-52 leading-tight">
        <div className="truncate text-neutral-900">{info.getValue()}</div>
        {info.row.original.email && info.row.original.email !== info.getValue() ? (
          <div className="truncate text-xs text-neutral-500">{info.row.original.email}</div>
        ) : null}
      </div>
    ),
  }),
  column.accessor((a) => a.type ?? '', { id: 'type', header: 'Type', sortFn: 'text', cell: (info) => <span className="capitalize">{info.getValue()}</span> }),
  column.accessor((a) => a.country ?? '', { id: 'country', header: 'Country', sortFn: 'text' }),
  column.accessor((a) => accountStatus(a).label, {
    id: 'status',
    header: 'Status',
    sortFn: 'text',
    cell: (info) => {
      const s = accountStatus(info.row.original);
      return (
        <span className="whitespace-nowrap">
          <Badge tone={toneOf(s.tone)} data-testid="account-status">
            {s.label}
          </Badge>
        </span>
      );
    },
  }),
  column.accessor((a) => Number(a.charges_enabled) + Number(a.payouts_enabled), {
    id: 'enabled',
    enableSorting: false,
    header: 'Charges / payouts',
    sortFn: 'basic',
    cell: (info) => (
      <div className="flex flex-col items-start gap-0.5">
        <YesNo value={info.row.original.charges_enabled} label="Charges" />
        <YesNo value={info.row.original.payouts_enabled} label="Payouts" />
      </div>
    ),
  }),
  column.accessor((a) => a.requirements?.past_due?.length ?? 0, {
    id: 'requirements',
    header: 'Requirements',
    sortFn: 'basic',
    cell: (info) => {
      const r = info.row.original.requirements;
      const pastDue = r?.past_due?.length ?? 0;
      const due = r?.currently_due?.length ?? 0;
      const errors = r?.errors?.length ?? 0;
      if (!pastDue && !due && !errors) return <span className="text-neutral-500">Nothing due</span>;
      return (
        <ul className="space-y-0.5 text-xs whitespace-nowrap">
          {pastDue ? <li className="font-medium text-mode-live-ink">{pastDue} past due</li> : null}
          {due ? (
            <li className="text-neutral-700">
              {due} due{r?.current_deadline ? ` by ${formatDate(r.current_deadline)}` : ''}
            </li>
          ) : null}
          {errors ? <li className="text-mode-test-ink">{errors} with errors</li> : null}
        </ul>
      );
    },
  }),
  column.accessor((a) => a.requirements?.disabled_reason ?? '', {
    id: 'disabled_reason',
    enableSorting: false,
    header: 'Disabled reason',
    sortFn: 'text',
    cell: (info) => {
      const text = disabledReasonText(info.getValue());
      return text ? (
        <span className="block w-48 text-xs text-neutral-700" title={info.getValue()}>
          {text}
        </span>
      ) : (
        <span className="text-neutral-500">—</span>
      );
    },
  }),
  column.accessor((a) => capabilitySummary(a.capabilities).active, {
    id: 'capabilities',
    enableSorting: false,
    header: 'Capabilities',
    sortFn: 'basic',
    cell: (info) => <span className="whitespace-nowrap text-xs text-neutral-700">{capabilitySummary(info.row.original.capabilities).text}</span>,
  }),
  column.accessor((a) => a.created ?? 0, {
    id: 'created',
    header: 'Created',
    sortFn: 'basic',
    cell: (info) => <time className="whitespace-nowrap tabular-nums text-neutral-600">{formatDate(info.getValue())}</time>,
  }),
]);

export const ACCOUNT_COLUMN_LABELS = [
  { id: 'id', label: 'Account' },
  { id: 'name', label: 'Name or e-mail' },
  { id: 'type', label: 'Type' },
  { id: 'country', label: 'Country' },
  { id: 'status', label: 'Status' },
  { id: 'enabled', label: 'Charges / payouts' },
  { id: 'requirements', label: 'Requirements' },
  { id: 'disabled_reason', label: 'Disabled reason' },
  { id: 'capabilities', label: 'Capabilities' },
  { id: 'created', label: 'Created' },
];
