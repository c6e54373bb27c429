// A metered subscription item's usage per period (?account=acct_...), read at the older API
// version that still has usage records (lib/billing/usage), for the usage section.
import { withPermission } from '@/lib/auth/guard';
import { readUsage } from '@/lib/billing/usage/queries';
import { accountParam } from '@/lib/billing/account-param';
import { notAnId, objectIdFrom, readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('billing.read', async (request: Request, context: { params: Promise<{ id?: string }> }) => {
  const id = await objectIdFrom(context, 'si_');
  if (!id) return notAnId('a subscription item', 'si_');
  const where = accountParam(request);
  if ('refusal' in where) return where.refusal;
  return readJson(`Reading the usage of ${id} on ${where.account}`, () => readUsage(where.account, id));
});
