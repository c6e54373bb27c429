// Transfers: a placeholder behind its permission until its issue lands.
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Transfers' };

export default async function Page() {
  await requirePermission('transfers.read');
  return <ComingSoon title="Transfers" what="Transfers to connected accounts and their reversals." />;
}
