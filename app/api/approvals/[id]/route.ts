// One approval request for its page: the request, what this operator may do, and what changed on the object since.
import { getRequestDetail } from '@/lib/approvals/queries';
import { withPermission } from '@/lib/auth/guard';
import { notAnId, objectIdFrom, readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id?: string }> }>('approvals.read', async (_request, context) => {
  const id = await objectIdFrom(context, 'apr_');
  if (!id) return notAnId('an approval request', 'apr_');
  return readJson(`GET /api/approvals/${id}`, () => getRequestDetail(id, context.operator));
});
