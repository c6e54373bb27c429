// CSV export of the application fees the list's filters select (cursor ignored). A route handler
// because a download needs a plain GET.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { csvResponse } from '@/lib/http/csv';
import { feesCsv } from '@/lib/fees/csv';
import { parseFeeFilters } from '@/lib/fees/filter-schema';
import { exportFees } from '@/lib/fees/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', async (request) => {
  const filters = parseFeeFilters(new URL(request.url).searchParams);
  try {
    const { items } = await exportFees({ ...filters, after: undefined, before: undefined });
    return csvResponse('application-fees', feesCsv(items));
  } catch (error) {
    return readJson('GET /api/fees/export', () => Promise.reject(error));
  }
});
