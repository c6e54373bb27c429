// The console's latest audit entries about one object (any id), for the History panel of its page,
// refetched after each action. Only for roles that may read the audit log.
import { listObjectHistory } from '@/lib/audit/store';
import { toAuditEntryView } from '@/lib/audit/view';
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

const OBJECT_ID = /^[A-Za-z0-9_]{3,255}$/;

export const GET = withPermission('audit.read', async (request: Request, context: { params: Promise<{ id?: string }> }) => {
  const id = (await context.params).id ?? '';
  if (!OBJECT_ID.test(id)) return Response.json({ error: { message: 'Not an object id.' } }, { status: 400 });
  const limit = Math.min(Math.max(Number(new URL(request.url).searchParams.get('limit')) || 10, 1), 50);
  const entries = await listObjectHistory(await getDb(), id, limit);
  return Response.json(entries.map(toAuditEntryView), { headers: { 'Cache-Control': 'no-store' } });
});
