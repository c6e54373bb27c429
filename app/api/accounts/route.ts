// The accounts list for the browser's React Query cache: the same filters (from the URL) and the
// same server-side scan as the page's first paint.
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { listAccounts } from '@/lib/accounts/queries';
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', async (request) =>
  readJson('Reading the accounts list', () => listAccounts(parseAccountFilters(new URL(request.url).searchParams))),
);
