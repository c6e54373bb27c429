// The console's audit entries about one account, for the account page's history view (refetched
// after each action). Only for roles that may read the audit log.
import { readObjectHistory } from '@/lib/audit/history';
import { toAuditEntryView } from '@/lib/audit/view';
import { withPermission } from '@/lib/auth/guard';
import { notAnId, objectIdFrom } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id?: string }> }>('audit.read', async (_request, context) => {
  const id = await objectIdFrom(context, 'acct_');
  if (!id) return notAnId('an account', 'acct_');
  const entries = (await readObjectHistory(context.operator, id)) ?? [];
  return Response.json(entries.map(toAuditEntryView), { headers: { 'Cache-Control': 'no-store' } });
});
