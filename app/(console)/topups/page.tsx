// Top-ups: a placeholder behind its permission until its issue lands.
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Top-ups' };

export default async function Page() {
  await requirePermission('topups.read');
  return <ComingSoon title="Top-ups" what="Top-ups of the platform balance." />;
}
