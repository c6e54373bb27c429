// The newest application fees from the account for the account page's React Query cache (the page prefetches the same on the server).
import { listFeesFrom } from '@/lib/accounts/queries';
import { accountView } from '@/lib/accounts/respond';
import { withPermission } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', accountView('the application fees', (id) => listFeesFrom(id)));
