// One page of application fees for the browser's cache, with the list's URL filters.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parseFeeFilters } from '@/lib/fees/filter-schema';
import { listFees } from '@/lib/fees/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', async (request) => readJson('GET /api/fees', () => listFees(parseFeeFilters(new URL(request.url).searchParams))));
