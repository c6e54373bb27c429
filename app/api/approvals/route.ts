// The approvals inbox for the browser's cache: what this operator may decide, their own requests, and the others'.
import { getInbox } from '@/lib/approvals/queries';
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('approvals.read', async (_request, { operator }) => readJson('GET /api/approvals', () => getInbox(operator)));
