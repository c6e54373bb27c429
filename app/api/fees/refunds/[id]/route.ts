// One application fee refund (and its fee), found by the refund's id alone.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { getFeeRefund } from '@/lib/fees/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('fees.read', objectRead('fr_', 'a fee refund', getFeeRefund));
