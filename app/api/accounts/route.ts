// The accounts list for the browser's React Query cache: the same view (from the URL), read from
// the console's index like the page's first paint.
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { listIndexedAccounts } from '@/lib/accounts/index-list';
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', async (request) =>
  readJson('Reading the accounts list', () => listIndexedAccounts(parseAccountFilters(new URL(request.url).searchParams))),
);
