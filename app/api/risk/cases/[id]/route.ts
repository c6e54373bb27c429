// One account's risk case for the case page's React Query cache: the case, its notes, the
// account's earlier cases and its score (the page prefetches the same on the server).
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { objectRead } from '@/lib/http/json';
import { readCase } from '@/lib/risk/cases';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', objectRead('acct_', 'an account', async (id) => readCase(await getDb(), id)));
