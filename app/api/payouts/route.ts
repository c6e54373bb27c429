// Connected accounts' payouts for the browser's React Query cache (the Payouts list and the
// account page's Payouts section): the same view (from the URL), read from the console's index
// like the page's first paint.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parsePayoutFilters } from '@/lib/payouts/filter-schema';
import { listPayouts } from '@/lib/payouts/list';

export const dynamic = 'force-dynamic';

export const GET = withPermission('payouts.read', async (request) => readJson('Reading the payouts', () => listPayouts(parsePayoutFilters(new URL(request.url).searchParams))));
