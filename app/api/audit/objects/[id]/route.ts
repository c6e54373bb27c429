// The console's latest audit entries about one object (any id), for the History panel of its page,
// refetched after each action. Only for roles that may read the audit log (lib/audit/history.ts).
import { readObjectHistory } from '@/lib/audit/history';
import { OBJECT_HISTORY_LIMIT } from '@/lib/audit/keys';
import { toAuditEntryView } from '@/lib/audit/view';
import { withPermission } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

const OBJECT_ID = /^[A-Za-z0-9_]{3,255}$/;

export const GET = withPermission<{ params: Promise<{ id?: string }> }>('audit.read', async (request, context) => {
  const id = (await context.params).id ?? '';
  // A malformed id names no object, like an unknown one: 404 (the rule of lib/http/json.ts).
  if (!OBJECT_ID.test(id)) return errorResponse(404, 'Not an object id.');
  const limit = Math.min(Math.max(Number(new URL(request.url).searchParams.get('limit')) || OBJECT_HISTORY_LIMIT, 1), 50);
  const entries = (await readObjectHistory(context.operator, id, limit)) ?? [];
  return Response.json(entries.map(toAuditEntryView), { headers: { 'Cache-Control': 'no-store' } });
});
