// One transfer reversal (and its transfer), found by the reversal's id alone.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/balance/read-json';
import { getReversal } from '@/lib/transfers/queries';
import { reversalId } from '@/lib/transfers/schemas';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id: string }> }>('transfers.read', async (_request, { params }) => {
  const { id } = await params;
  if (!reversalId.safeParse(id).success) return Response.json({ error: { message: 'Not a reversal id.', requestId: null } }, { status: 404 });
  return readJson('GET /api/transfers/reversals/[id]', () => getReversal(id));
});
