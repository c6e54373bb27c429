// One transfer with its reversals, balance transaction and source charge, for the transfer page.
import { withPermission } from '@/lib/auth/guard';
import { objectRead } from '@/lib/http/json';
import { getTransferDetail } from '@/lib/transfers/queries';

export const dynamic = 'force-dynamic';

export const GET = withPermission('transfers.read', objectRead('tr_', 'a transfer', getTransferDetail));
