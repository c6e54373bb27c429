// One application fee refund (and its fee), found by the refund's id alone.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/balance/read-json';
import { getFeeRefund } from '@/lib/fees/queries';
import { feeRefundId } from '@/lib/fees/schemas';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id: string }> }>('fees.read', async (_request, { params }) => {
  const { id } = await params;
  if (!feeRefundId.safeParse(id).success) return Response.json({ error: { message: 'Not a fee refund id.', requestId: null } }, { status: 404 });
  return readJson('GET /api/fees/refunds/[id]', () => getFeeRefund(id));
});
