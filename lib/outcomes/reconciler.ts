// The reconciler: finds out what happened to every request whose outcome is open (unknown, or
// started and left so by a crash between Stripe and the audit completion) and records the truth;
// then settles the approval requests whose execution a crash left "approved, running"
// (lib/approvals/sweep.ts). It reads, never repeats a change: see resolve.ts. One instance at a
// time holds its lease.
import 'server-only';
import type { Db } from '@/lib/db/open';
import { settleStaleExecutions } from '@/lib/approvals/sweep';
import { releaseLease, takeLease } from '@/lib/db/leases';
import { stripeMode } from '@/lib/stripe/client';
import type { StripeMode } from '@/lib/stripe/mode';
import { resolveEntry } from './resolve';
import { dropOldRequestLeases, listUnresolved, recordResolution } from './store';
import type { Resolution } from './types';

export const RECONCILER_LEASE = 'outcome-reconciler';

export type ReconcileReport = {
  ran: boolean;
  checked: number;
  resolved: number;
  stillOpen: number;
  undeterminable: number;
  /** Approval requests whose execution's outcome was found after a crash. */
  approvalsSettled: number;
};

export async function reconcileOnce(
  db: Db,
  {
    holder,
    now = new Date(),
    resolve = resolveEntry,
    mode = stripeMode(),
  }: { holder: string; now?: Date; resolve?: typeof resolveEntry; /** The mode of the key in use: only its entries are checked. */ mode?: StripeMode },
): Promise<ReconcileReport> {
  const report: ReconcileReport = { ran: false, checked: 0, resolved: 0, stillOpen: 0, undeterminable: 0, approvalsSettled: 0 };
  if (!(await takeLease(db, RECONCILER_LEASE, holder, 5 * 60_000, now))) return report;
  report.ran = true;
  try {
    for (const entry of await listUnresolved(db, now, mode)) {
      report.checked += 1;
      const resolution: Resolution = await resolve(entry, db, now);
      await recordResolution(db, entry, resolution);
      if (resolution.status === 'applied' || resolution.status === 'not_applied') report.resolved += 1;
      else if (resolution.status === 'undeterminable') report.undeterminable += 1;
      else report.stillOpen += 1;
    }
    // After the entries: an execution's entry resolved just now settles its request in the same pass.
    report.approvalsSettled = (await settleStaleExecutions(db, { now, mode, resolve })).settled;
    await dropOldRequestLeases(db, now);
  } finally {
    await releaseLease(db, RECONCILER_LEASE, holder).catch(() => undefined);
  }
  return report;
}
