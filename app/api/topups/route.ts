// One page of top-ups for the browser's cache, with the list's URL filters.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { parseTopupFilters } from '@/lib/topups/filter-schema';
import { listTopups } from '@/lib/topups/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('topups.read', async (request) => readJson('GET /api/topups', () => listTopups(parseTopupFilters(new URL(request.url).searchParams))));
