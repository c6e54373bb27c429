// The reversals report's data (every reversal in the period), for the report page's cache.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parsePeriod } from '@/lib/transfers/period';
import { listReversalsInPeriod } from '@/lib/transfers/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) => {
  const { from, to } = parsePeriod(new URL(request.url).searchParams);
  return readJson('GET /api/transfers/reversals', () => listReversalsInPeriod(from, to));
});
