// One Radar review live from Stripe (its charge expanded), for the review page's cache.
import { withPermission } from '@/lib/auth/guard';
import { getReviewDetail } from '@/lib/risk/object-queries';
import { riskObjectRead } from '@/lib/risk/object-route';

export const dynamic = 'force-dynamic';

export const GET = withPermission('risk.read', riskObjectRead('prv_', 'a review', getReviewDetail));
