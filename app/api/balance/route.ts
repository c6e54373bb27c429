// The platform balance for the browser's cache (the finance pages' balance panel).
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { getPlatformBalance } from '@/lib/balance/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('topups.read', async () => readJson('GET /api/balance', getPlatformBalance));
