// One top-up, for the top-up page's cache.
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/balance/read-json';
import { getTopup } from '@/lib/topups/queries';
import { topupId } from '@/lib/topups/schemas';

export const dynamic = 'force-dynamic';

export const GET = withPermission<{ params: Promise<{ id: string }> }>('topups.read', async (_request, { params }) => {
  const { id } = await params;
  if (!topupId.safeParse(id).success) return Response.json({ error: { message: 'Not a top-up id.', requestId: null } }, { status: 404 });
  return readJson('GET /api/topups/[id]', () => getTopup(id));
});
