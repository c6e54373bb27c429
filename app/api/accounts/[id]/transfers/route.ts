// The newest transfers to the account for the account page's React Query cache (the page prefetches the same on the server).
import { listTransfersTo } from '@/lib/accounts/queries';
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', objectRead('acct_', 'an account', listTransfersTo));
