// One subscription schedule with its prices, customer and the fees its invoices produced, for the
// schedule page's cache. `?account=acct_…` names its connected account; without it, the index's
// (a 404 saying so when the index does not know it either).
import { withPermission } from '@/lib/auth/guard';
import { errorResponse, notAnId, objectIdFrom, readJson } from '@/lib/http/json';
import { getScheduleDetail } from '@/lib/billing/schedules/queries';
import { isObjectId } from '@/lib/stripe/ids';

export const dynamic = 'force-dynamic';

export const GET = withPermission('billing.read', async (request: Request, context: { params: Promise<{ id?: string }> }) => {
  const id = await objectIdFrom(context, 'sub_sched_');
  if (!id) return notAnId('a subscription schedule', 'sub_sched_');
  const account = new URL(request.url).searchParams.get('account');
  if (account !== null && !isObjectId(account, 'acct_')) return errorResponse(400, 'Not an account id (acct_...).');
  return readJson(`Reading subscription schedule ${id}`, () => getScheduleDetail(id, account));
});
