// The risk queue for the browser's React Query cache: the same view (from the URL), read from the
// console's database like the page's first paint.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parseQueueFilters } from '@/lib/risk/queue-filter-schema';
import { listRiskQueue } from '@/lib/risk/queue-list';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', async (request, { operator }) =>
  readJson('Reading the risk queue', () => listRiskQueue(parseQueueFilters(new URL(request.url).searchParams), operator.id)),
);
