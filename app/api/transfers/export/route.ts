// CSV export of the transfers the list's filters select (cursor ignored).
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { csvResponse } from '@/lib/http/csv';
import { transfersCsv } from '@/lib/transfers/csv';
import { parseTransferFilters } from '@/lib/transfers/filter-schema';
import { exportTransfers } from '@/lib/transfers/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', async (request) => {
  const filters = parseTransferFilters(new URL(request.url).searchParams);
  try {
    const { items } = await exportTransfers({ ...filters, after: undefined, before: undefined });
    return csvResponse('transfers', transfersCsv(items));
  } catch (error) {
    return readJson('GET /api/transfers/export', () => Promise.reject(error));
  }
});
