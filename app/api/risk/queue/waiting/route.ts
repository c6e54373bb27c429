// How many accounts wait for a risk decision: the navigation's badge asks every few seconds.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';
import { riskWaitingCount } from '@/lib/risk/queue-list';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', async () => readJson('Counting the risk queue', () => riskWaitingCount()));
