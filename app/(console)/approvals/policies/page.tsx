// Approval policies (admins): for each approvable action, whether and when it needs a second
// operator's approval. Every change goes through the audited policy action.
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { APPROVAL_ACTIONS } from '@/lib/approvals/policy';
import { getPoliciesView } from '@/lib/approvals/queries';
import { requirePermission } from '@/lib/auth/guard';
import { PolicyForm } from './_components/policy-form';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Approval policies' };
export const dynamic = 'force-dynamic';

export default async function PoliciesPage() {
  await requirePermission('policies.manage');
  const { mode, policies } = await getPoliciesView();
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <BackLink href="/approvals" label="Approvals" />
      <PageHeader
        title="Approval policies"
        description={`Which actions need a second operator before Stripe is called. The console runs in ${mode === 'live' ? 'live' : 'test'} mode now${mode === 'emulator' ? ' (the emulator counts as test mode)' : ''}. Every change is in the audit log.`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {APPROVAL_ACTIONS.map((action) => (
          <PolicyForm key={action} policy={policies[action]} />
        ))}
      </div>
    </main>
  );
}
