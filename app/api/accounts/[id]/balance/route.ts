// The account's balance, read as the account (Stripe-Account) for the account page's React Query cache (the page prefetches the same on the server).
import { getAccountBalance } from '@/lib/accounts/queries';
import { accountView } from '@/lib/accounts/respond';
import { withPermission } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

export const GET = withPermission('accounts.read', accountView('the balance', (id) => getAccountBalance(id)));
