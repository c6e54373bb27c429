// Connected accounts' subscription schedules for the browser's React Query cache (the Billing list
// and the account page's Billing section): the same view (from the URL), read from the console's
// index like the page's first paint.
import { withPermission } from '@/lib/auth/guard';
import { parseScheduleFilters } from '@/lib/billing/schedules/filter-schema';
import { listSchedules } from '@/lib/billing/schedules/list';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('billing.read', async (request) => readJson('Reading the subscription schedules', () => listSchedules(parseScheduleFilters(new URL(request.url).searchParams))));
