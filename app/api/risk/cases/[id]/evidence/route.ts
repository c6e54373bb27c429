// One account's risk evidence from the console's index, for the case page (prefetched on the server too).
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { objectRead } from '@/lib/http/json';
import { readEvidence } from '@/lib/risk/evidence';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', objectRead('acct_', 'an account', async (id) => readEvidence(await getDb(), id)));
