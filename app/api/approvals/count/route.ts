// The navigation's count: pending requests this operator may decide.
import { countToDecide } from '@/lib/approvals/queries';
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('approvals.read', async (_request, { operator }) => readJson('GET /api/approvals/count', async () => ({ count: await countToDecide(operator) })));
