// The newest disputes on the account's charges, from the index, for the account page's React Query cache (the page prefetches the same on the server).
import { listDisputesOf } from '@/lib/accounts/disputes';
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', objectRead('acct_', 'an account', listDisputesOf));
