// One page of transfers for the browser's cache, with the list's URL filters.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parseTransferFilters } from '@/lib/transfers/filter-schema';
import { listTransfers } from '@/lib/transfers/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) =>
  readJson('GET /api/transfers', () => listTransfers(parseTransferFilters(new URL(request.url).searchParams))),
);
