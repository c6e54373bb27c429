// What became of one console request (by its idempotency key): the screen follows a request whose
// answer was lost until the console has found out. An open outcome is checked again on each call
// (by reading Stripe: the object carrying the key, or the object's state), never by redoing it.
import { idempotencyKeySchema } from '@/lib/actions/idempotency-key';
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { ensureReconciler } from '@/lib/outcomes/background';
import { resolveEntry } from '@/lib/outcomes/resolve';
import { entriesForRequest, recordResolution } from '@/lib/outcomes/store';
import { isSettled, toRequestStatus } from '@/lib/outcomes/status';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

export const GET = withPermission<{ params: Promise<{ key: string }> }>('audit.read', async (_request, { params }) => {
  ensureReconciler();
  const key = idempotencyKeySchema.safeParse((await params).key);
  if (!key.success) return Response.json({ error: 'Not a request key.' }, { status: 400, headers: noStore });
  const db = await getDb();
  let [entry] = await entriesForRequest(db, key.data);
  // No entry (yet): the console has not received this request, or has not started it.
  if (!entry) return Response.json({ found: false }, { headers: noStore });
  // Still open: find out now. A request still running is left alone (resolveEntry sees its lease).
  if (!isSettled(entry)) {
    await recordResolution(db, entry, await resolveEntry(entry, db));
    [entry] = await entriesForRequest(db, key.data);
  }
  return Response.json(toRequestStatus(entry!), { headers: noStore });
});
