// Accounts: a placeholder behind its permission until its issue lands.
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Accounts' };

export default async function Page() {
  await requirePermission('accounts.read');
  return <ComingSoon title="Accounts" what="The list of connected accounts with filters, and each account's requirements, capabilities and actions." />;
}
