// CSV export of every account the list's view selects, from the index: a route handler because a
// download needs a plain GET. A stream read in keyset batches as the browser pulls it, so the
// whole set is never held in memory.
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { exportIndexedAccounts } from '@/lib/accounts/index-list';
import { withPermission } from '@/lib/auth/guard';
import { csvResponse } from '@/lib/http/csv';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', async (request) => {
  const filters = parseAccountFilters(new URL(request.url).searchParams);
  let body: ReadableStream<Uint8Array>;
  try {
    body = await exportIndexedAccounts({ ...filters, after: undefined, before: undefined });
  } catch (error) {
    return readJson('Exporting accounts', () => Promise.reject(error));
  }
  return csvResponse('accounts', body);
});
