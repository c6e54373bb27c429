// CSV export of the reversals report's period.
import { withPermission } from '@/lib/auth/guard';
import { csvResponse, readJson } from '@/lib/balance/read-json';
import { parsePeriod } from '@/lib/transfers/period';
import { readReversalsInPeriod } from '@/lib/transfers/queries';
import { reversalsCsv } from '@/lib/transfers/report';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) => {
  const { from, to } = parsePeriod(new URL(request.url).searchParams);
  try {
    const { items } = await readReversalsInPeriod(from, to);
    return csvResponse(`reversals-${from}-to-${to}`, reversalsCsv(items));
  } catch (error) {
    return readJson('GET /api/transfers/reversals/export', () => Promise.reject(error));
  }
});
