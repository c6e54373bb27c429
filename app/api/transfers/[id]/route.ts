// One transfer with its reversals, balance transaction and source charge, for the transfer page.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/balance/read-json';
import { getTransferDetail } from '@/lib/transfers/queries';
import { transferId } from '@/lib/transfers/schemas';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id: string }> }>('transfers.read', async (_request, { params }) => {
  const { id } = await params;
  if (!transferId.safeParse(id).success) return Response.json({ error: { message: 'Not a transfer id.', requestId: null } }, { status: 404 });
  return readJson('GET /api/transfers/[id]', () => getTransferDetail(id));
});
