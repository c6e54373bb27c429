// The newest transfers to the account for the account page's React Query cache (the page prefetches the same on the server).
import { listTransfersTo } from '@/lib/accounts/queries';
import { accountView } from '@/lib/accounts/respond';
import { withPermission } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', accountView('the transfers', (id) => listTransfersTo(id)));
