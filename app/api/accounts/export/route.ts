// CSV export of the accounts the list's filters select (all pages, bounded): a route handler
// because a download needs a plain GET. The last line says so when the export stopped early.
import { accountCsvHeader, accountCsvRow } from '@/lib/accounts/csv';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { exportAccounts } from '@/lib/accounts/queries';
import { withPermission } from '@/lib/auth/guard';
import { csvResponse } from '@/lib/http/csv';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', async (request) => {
  const filters = parseAccountFilters(new URL(request.url).searchParams);
  let result: Awaited<ReturnType<typeof exportAccounts>>;
  try {
    result = await exportAccounts(filters);
  } catch (error) {
    return readJson('Exporting accounts', () => Promise.reject(error));
  }
  const now = Math.floor(Date.now() / 1000);
  const body = accountCsvHeader() + result.items.map((a) => accountCsvRow(a, now)).join('');
  // Whether every account the filters select is in the file (the export reads at most 10,000).
  return csvResponse('accounts', body, { 'X-Export-Complete': String(result.complete) });
});
