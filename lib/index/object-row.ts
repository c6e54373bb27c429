// The objects the index keeps besides accounts, and the columns their lists filter on, derived
// from the object in one place. `account` is the connected account the object concerns when the
// object itself says so; for a reversal, a fee refund, a warning or a review it comes from its
// parent's row (lib/index/apply.ts), and so for a dispute on the platform (a destination charge's:
// the charge's destination; a direct charge's dispute is read with the account's Stripe-Account,
// which names it); for a subscription schedule, from the Connect event or the account it was read
// as (the index keeps only connected accounts' schedules); for a payout, likewise (the index keeps
// only connected accounts' payouts, not the platform's own). Pure.
import { idOf } from '@/lib/stripe/ids';
import { NO_SCHEDULE_COLUMNS, scheduleColumns, type ScheduleColumns } from './schedule-row';

/** Stripe's `object` values the index keeps in index_objects, in backfill order (parents first). */
export const INDEXED_OBJECT_TYPES = ['charge', 'transfer', 'transfer_reversal', 'application_fee', 'fee_refund', 'topup', 'radar.early_fraud_warning', 'review', 'dispute', 'subscription_schedule', 'payout'] as const;
export type IndexedObjectType = (typeof INDEXED_OBJECT_TYPES)[number];

export function isIndexedObjectType(type: unknown): type is IndexedObjectType {
  return typeof type === 'string' && (INDEXED_OBJECT_TYPES as readonly string[]).includes(type);
}

export interface ObjectColumns extends ScheduleColumns {
  type: IndexedObjectType;
  account: string | null;
  parent: string | null;
  created: number | null;
  status: string | null;
  amount: number | null;
  currency: string | null;
  riskLevel: string | null;
  riskScore: number | null;
  /** A payout's arrival date, failure code and whether Stripe made it by the account's schedule. */
  arrivalDate: number | null;
  failureCode: string | null;
  automatic: boolean | null;
  metadata: Record<string, string>;
}

type Loose = Record<string, unknown> & { id: string; object: string };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const ref = (v: unknown): string | null => idOf(v as string | { id: string } | null | undefined);

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(Object.entries(v).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function transferStatus(o: Loose): string {
  if (o.reversed === true) return 'reversed';
  return (num(o.amount_reversed) ?? 0) > 0 ? 'partially_reversed' : 'paid';
}

function feeStatus(o: Loose): string {
  if (o.refunded === true) return 'refunded';
  return (num(o.amount_refunded) ?? 0) > 0 ? 'partially_refunded' : 'collected';
}

/** The columns for an object of an indexed type; `account` is the event's account for Connect events. */
export function objectColumns(o: Loose, account: string | null = null): ObjectColumns {
  if (!isIndexedObjectType(o.object)) throw new Error(`The index does not keep ${o.object} objects`);
  const base: ObjectColumns = {
    type: o.object,
    account,
    parent: null,
    created: num(o.created),
    status: null,
    amount: num(o.amount),
    currency: str(o.currency),
    riskLevel: null,
    riskScore: null,
    arrivalDate: null,
    failureCode: null,
    automatic: null,
    ...NO_SCHEDULE_COLUMNS,
    metadata: stringMap(o.metadata),
  };
  switch (o.object) {
    case 'transfer':
      return { ...base, account: account ?? ref(o.destination), status: transferStatus(o) };
    case 'transfer_reversal':
      return { ...base, parent: ref(o.transfer), status: 'succeeded' };
    case 'application_fee':
      return { ...base, account: account ?? ref(o.account), parent: ref(o.charge), status: feeStatus(o) };
    case 'fee_refund':
      return { ...base, parent: ref(o.fee), status: 'succeeded' };
    case 'topup':
      return { ...base, status: str(o.status) };
    case 'charge': {
      const outcome = (o.outcome ?? null) as { risk_level?: unknown; risk_score?: unknown } | null;
      const transferData = (o.transfer_data ?? null) as { destination?: unknown } | null;
      return {
        ...base,
        account: account ?? ref(transferData?.destination) ?? ref(o.on_behalf_of),
        status: o.refunded === true ? 'refunded' : str(o.status),
        riskLevel: str(outcome?.risk_level),
        riskScore: num(outcome?.risk_score),
      };
    }
    case 'radar.early_fraud_warning':
      return { ...base, parent: ref(o.charge), status: o.actionable === true ? 'actionable' : 'not_actionable' };
    case 'review':
      return { ...base, parent: ref(o.charge), status: o.open === true ? 'open' : 'closed' };
    case 'dispute':
      return { ...base, parent: ref(o.charge), status: str(o.status) };
    case 'subscription_schedule':
      return { ...base, status: str(o.status), ...scheduleColumns(o) };
    case 'payout':
      return { ...base, status: str(o.status), arrivalDate: num(o.arrival_date), failureCode: str(o.failure_code), automatic: typeof o.automatic === 'boolean' ? o.automatic : null };
  }
}
