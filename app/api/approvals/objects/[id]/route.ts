// The open approval requests on one object (a transfer, a fee, an account), for its page.
import { listRequestsOn } from '@/lib/approvals/queries';
import { withPermission } from '@/lib/auth/guard';
import { errorResponse, readJson } from '@/lib/http/json';
import { isObjectId } from '@/lib/stripe/ids';

export const dynamic = 'force-dynamic';

const PREFIXES = ['tr_', 'fee_', 'acct_'];

export const GET = withPermission<{ params: Promise<{ id?: string }> }>('approvals.read', async (_request, context) => {
  const id = decodeURIComponent((await context.params).id ?? '');
  if (!PREFIXES.some((prefix) => isObjectId(id, prefix))) return errorResponse(404, 'Not a transfer, fee or account id.');
  return readJson(`GET /api/approvals/objects/${id}`, () => listRequestsOn(id, context.operator));
});
