// A dispute as the console's pages show it (the risk case's evidence, the account page), made
// from its index row. Pure and client-safe (the row type is only a type).
import type { IndexObjectRow } from '@/lib/db/schema';

export interface DisputeSummary {
  id: string;
  created: number | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  reason: string | null;
  /** evidence_details.due_by while the dispute waits on a response; null otherwise. */
  dueBy: number | null;
  charge: string | null;
}

type Row = Pick<IndexObjectRow, 'id' | 'created' | 'amount' | 'currency' | 'status' | 'parent' | 'data'>;

export function disputeSummary(r: Row): DisputeSummary {
  const details = r.data.evidence_details as { due_by?: unknown } | null | undefined;
  const waiting = r.status === 'needs_response' || r.status === 'warning_needs_response';
  return {
    id: r.id,
    created: r.created,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: typeof r.data.reason === 'string' ? r.data.reason : null,
    // Only a response still owed has a deadline that matters.
    dueBy: waiting && typeof details?.due_by === 'number' ? details.due_by : null,
    charge: r.parent,
  };
}
