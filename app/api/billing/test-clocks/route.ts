// A connected account's test clocks (?account=acct_...), for the test clock panel's cache. Test mode only.
import { withPermission } from '@/lib/auth/guard';
import { listClocks } from '@/lib/billing/test-clocks/queries';
import { accountParam } from '@/lib/billing/account-param';
import { liveModeRefusal } from '@/lib/billing/test-clocks/route-input';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('testclocks.manage', async (request: Request) => {
  const live = liveModeRefusal();
  if (live) return live;
  const where = accountParam(request);
  if ('refusal' in where) return where.refusal;
  return readJson(`Listing the test clocks of ${where.account}`, () => listClocks(where.account));
});
