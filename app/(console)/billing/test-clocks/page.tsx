// Test clocks: rehearse a subscription schedule's future in test mode.
// (Placeholder of the contract commit; the panel is built on top of it.)
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Test clocks' };
export const dynamic = 'force-dynamic';

export default async function TestClocksPage() {
  await requirePermission('testclocks.manage');
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <PageHeader title="Test clocks" description="Rehearse a subscription schedule's future in test mode." />
    </main>
  );
}
