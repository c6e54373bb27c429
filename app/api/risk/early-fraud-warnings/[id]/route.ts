// One early fraud warning live from Stripe (its charge expanded), for the warning page's cache.
import { withPermission } from '@/lib/auth/guard';
import { getWarningDetail } from '@/lib/risk/object-queries';
import { riskObjectRead } from '@/lib/risk/object-route';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', riskObjectRead('issfr_', 'an early fraud warning', getWarningDetail));
