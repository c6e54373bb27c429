// CSV export of the reversals report's period: every reversal of exactly the period it names, or a
// refusal with the reason (422, plain text) when the report cannot serve that period whole.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { csvResponse } from '@/lib/http/csv';
import { parsePeriod } from '@/lib/transfers/period';
import { readReversalsReport } from '@/lib/transfers/queries';
import { reversalsCsv } from '@/lib/transfers/report';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) => {
  const { from, to } = parsePeriod(new URL(request.url).searchParams);
  try {
    const report = await readReversalsReport(from, to);
    if (report.refusal) return new Response(report.refusal, { status: 422, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    return csvResponse(`reversals-${from}-to-${to}`, reversalsCsv(report.items));
  } catch (error) {
    return readJson('GET /api/transfers/reversals/export', () => Promise.reject(error));
  }
});
