// The subscription schedule behind one application fee (or why there is none), for the fee page.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { findFeeSource } from '@/lib/billing/schedules/fee-source';

export const dynamic = 'force-dynamic';

export const GET = withPermission('billing.read', objectRead('fee_', 'an application fee', findFeeSource));
