// One test clock as the panel watches it (?account=acct_...): its status, and the schedules,
// invoices and platform fees of the customers on it. Test mode only.
import { withPermission } from '@/lib/auth/guard';
import { getClockView } from '@/lib/billing/test-clocks/queries';
import { accountParam } from '@/lib/billing/account-param';
import { liveModeRefusal } from '@/lib/billing/test-clocks/route-input';
import { notAnId, objectIdFrom, readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('testclocks.manage', async (request: Request, context: { params: Promise<{ id?: string }> }) => {
  const live = liveModeRefusal();
  if (live) return live;
  const id = await objectIdFrom(context, 'clock_');
  if (!id) return notAnId('a test clock', 'clock_');
  const where = accountParam(request);
  if ('refusal' in where) return where.refusal;
  return readJson(`Reading test clock ${id} of ${where.account}`, () => getClockView(where.account, id));
});
