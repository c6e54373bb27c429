// One charge live from Stripe (with its refunds, review, disputes and early fraud warnings), for the charge page's cache.
import { withPermission } from '@/lib/auth/guard';
import { getChargeDetail } from '@/lib/risk/object-queries';
import { riskObjectRead } from '@/lib/risk/object-route';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', riskObjectRead('ch_', 'a charge', getChargeDetail));
