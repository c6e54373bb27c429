// One transfer reversal (and its transfer), found by the reversal's id alone.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { getReversal } from '@/lib/transfers/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', objectRead('trr_', 'a reversal', getReversal));
