// Risk: a placeholder behind its permission until its issue lands.
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Risk' };

export default async function Page() {
  await requirePermission('risk.read');
  return <ComingSoon title="Risk" what="Charges, reviews and early fraud warnings." />;
}
