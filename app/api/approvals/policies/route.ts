// The approval policies and the console's mode, for the review steps (which say when an action needs approval) and the Policies page.
import { getPoliciesView } from '@/lib/approvals/queries';
import { withPermission } from '@/lib/auth/guard';
import { readJson } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

export const GET = withPermission('approvals.read', async () => readJson('GET /api/approvals/policies', getPoliciesView));
