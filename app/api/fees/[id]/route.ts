// One application fee and its refunds, for the fee page's cache.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { getFeeDetail } from '@/lib/fees/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', objectRead('fee_', 'an application fee', getFeeDetail));
