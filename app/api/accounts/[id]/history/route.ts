// The console's audit entries about one account, for the account page's history view (refetched
// after each action). Only for roles that may read the audit log.
import { listObjectHistory } from '@/lib/audit/store';
import { toAuditEntryView } from '@/lib/audit/view';
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { notAnId, objectIdFrom } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('audit.read', async (_request, context: { params: Promise<{ id?: string }> }) => {
  const id = await objectIdFrom(context, 'acct_');
  if (!id) return notAnId('an account', 'acct_');
  const entries = await listObjectHistory(await getDb(), id, 10);
  return Response.json(entries.map(toAuditEntryView), { headers: { 'Cache-Control': 'no-store' } });
});
