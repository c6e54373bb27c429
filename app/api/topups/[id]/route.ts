// One top-up, for the top-up page's cache.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { getTopup } from '@/lib/topups/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('topups.read', objectRead('tu_', 'a top-up', getTopup));
