// CSV export of the accounts the list's filters select (all pages, bounded): a route handler
// because a download needs a plain GET. The last line says so when the export stopped early.
import { accountCsvHeader, accountCsvRow } from '@/lib/accounts/csv';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { exportAccounts } from '@/lib/accounts/queries';
import { errorResponse } from '@/lib/accounts/respond';
import { withPermission } from '@/lib/auth/guard';
import { describeStripeError, summarizeErrorForLog } from '@/lib/stripe/errors';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', async (request) => {
  const filters = parseAccountFilters(new URL(request.url).searchParams);
  let result: Awaited<ReturnType<typeof exportAccounts>>;
  try {
    result = await exportAccounts(filters);
  } catch (error) {
    console.error(`Exporting accounts failed: ${summarizeErrorForLog(error)}`);
    const plain = describeStripeError(error);
    return errorResponse(502, `${plain.title}: ${plain.message}`, plain.requestId ?? null);
  }
  const now = Math.floor(Date.now() / 1000);
  const body = accountCsvHeader() + result.items.map((a) => accountCsvRow(a, now)).join('');
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="accounts-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      // Whether every account the filters select is in the file (the export reads at most 10,000).
      'X-Export-Complete': String(result.complete),
    },
  });
});
