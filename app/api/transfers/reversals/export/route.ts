// CSV export of the reversals report's period.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { csvResponse } from '@/lib/http/csv';
import { parsePeriod } from '@/lib/transfers/period';
import { listReversalsInPeriod } from '@/lib/transfers/queries';
import { reversalsCsv } from '@/lib/transfers/report';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) => {
  const { from, to } = parsePeriod(new URL(request.url).searchParams);
  try {
    const { items } = await listReversalsInPeriod(from, to);
    return csvResponse(`reversals-${from}-to-${to}`, reversalsCsv(items));
  } catch (error) {
    return readJson('GET /api/transfers/reversals/export', () => Promise.reject(error));
  }
});
