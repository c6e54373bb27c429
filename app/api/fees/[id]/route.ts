// One application fee and its refunds, for the fee page's cache.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/balance/read-json';
import { getFeeDetail } from '@/lib/fees/queries';
import { feeId } from '@/lib/fees/schemas';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id: string }> }>('fees.read', async (_request, { params }) => {
  const { id } = await params;
  if (!feeId.safeParse(id).success) return Response.json({ error: { message: 'Not an application fee id.', requestId: null } }, { status: 404 });
  return readJson('GET /api/fees/[id]', () => getFeeDetail(id));
});
