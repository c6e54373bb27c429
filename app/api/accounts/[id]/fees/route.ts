// The newest application fees from the account for the account page's React Query cache (the page prefetches the same on the server).
import { listFeesFrom } from '@/lib/accounts/queries';
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', objectRead('acct_', 'an account', listFeesFrom));
