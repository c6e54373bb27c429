// Runs the reconciler in this server process: once as soon as the process serves its first
// console request, then every minute. Every instance runs the loop; the database lease lets one
// of them work at a time.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { reconcileOnce } from './reconciler';

const INTERVAL_MS = 60_000;
const holder = globalThis as typeof globalThis & { __consoleReconciler?: { id: string; timer: ReturnType<typeof setInterval> } };

let running = false;

async function runOnce(id: string): Promise<void> {
  // One pass at a time in this process (the lease keeps other instances out).
  if (running) return;
  running = true;
  try {
    const report = await reconcileOnce(await getDb(), { holder: id });
    if (report.checked > 0) console.log(`reconciler: checked ${report.checked}, resolved ${report.resolved}, still open ${report.stillOpen}, need an operator ${report.undeterminable}`);
    if (report.approvalsSettled > 0) console.log(`reconciler: settled ${report.approvalsSettled} approval request(s) whose execution's outcome was open (unknown, or left running by a crash)`);
  } catch (error) {
    console.error(`reconciler: ${summarizeErrorForLog(error)}`);
  } finally {
    running = false;
  }
}

/** Starts the loop once per process (later calls do nothing). */
export function ensureReconciler(): void {
  if (holder.__consoleReconciler || process.env.NEXT_PHASE === 'phase-production-build') return;
  const id = `${process.pid}-${randomUUID()}`;
  const timer = setInterval(() => void runOnce(id), INTERVAL_MS);
  timer.unref?.();
  holder.__consoleReconciler = { id, timer };
  void runOnce(id);
}
