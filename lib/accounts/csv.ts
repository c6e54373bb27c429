// The accounts list as CSV (RFC 4180) for the export route: the list's columns, in plain values.
// Pure; cells are escaped by lib/http/csv.ts (formula-looking cells defused).
import type Stripe from 'stripe';
import { csvLine } from '@/lib/http/csv';
import { accountStatus, disabledReasonText } from './status';
import { accountName, capabilitySummary } from './view';

export const ACCOUNT_CSV_COLUMNS = [
  'id',
  'name',
  'email',
  'type',
  'country',
  'status',
  'charges_enabled',
  'payouts_enabled',
  'past_due',
  'currently_due',
  'current_deadline',
  'errors',
  'disabled_reason',
  'disabled_reason_text',
  'capabilities',
  'created',
] as const;

const iso = (unix: number | null | undefined) => (unix ? new Date(unix * 1000).toISOString() : '');

export function accountCsvHeader(): string {
  return csvLine(ACCOUNT_CSV_COLUMNS);
}

export function accountCsvRow(a: Stripe.Account, now?: number): string {
  const r = a.requirements;
  const cells = [
    a.id,
    accountName(a),
    a.email,
    a.type,
    a.country,
    accountStatus(a, now).label,
    a.charges_enabled,
    a.payouts_enabled,
    (r?.past_due ?? []).join(' '),
    (r?.currently_due ?? []).join(' '),
    iso(r?.current_deadline),
    (r?.errors ?? []).map((e) => `${e.requirement}: ${e.code}`).join('; '),
    r?.disabled_reason ?? '',
    disabledReasonText(r?.disabled_reason) ?? '',
    capabilitySummary(a.capabilities).text,
    iso(a.created),
  ];
  return csvLine(cells);
}
