// Application fees: a placeholder behind its permission until its issue lands.
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Application fees' };

export default async function Page() {
  await requirePermission('fees.read');
  return <ComingSoon title="Application fees" what="Application fees collected from connected accounts, and their refunds." />;
}
