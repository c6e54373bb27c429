// Liveness for load balancers and the start script: answers 200 once this instance has its
// database open (migrated, audit chain key checked), and starts this instance's reconciler and the
// index's jobs (lib/index/background.ts), so open outcomes are resolved and the index kept fresh
// from the moment the console starts, not from its first page. Public
// by design: it says nothing but whether the instance is ready.
import { getDb } from '@/lib/db/client';
import { ensureIndexJobs } from '@/lib/index/background';
import { ensureReconciler } from '@/lib/outcomes/background';
import { summarizeErrorForLog } from '@/lib/stripe/errors';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    await getDb();
  } catch (error) {
    console.error(`health: the database is not ready: ${summarizeErrorForLog(error)}`);
    return Response.json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
  ensureReconciler();
  ensureIndexJobs();
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
