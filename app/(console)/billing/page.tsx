// Billing: subscription schedules across connected accounts, read from the console's index.
// (Placeholder of the contract commit; the list is built on top of it.)
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Billing' };
export const dynamic = 'force-dynamic';

export default async function BillingPage() {
  await requirePermission('billing.read');
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <PageHeader title="Billing" description="Subscription schedules on connected accounts, and the application fees their phases produce." />
    </main>
  );
}
