// One early fraud warning, live from Stripe on the store it lives in (the index says which; else
// `?account=acct_…`): prefetched under the browser's query key and hydrated, with its audit history.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { toPlain } from '@/lib/http/json';
import { riskObjectQueries } from '@/lib/risk/object-keys';
import { getWarningDetail } from '@/lib/risk/object-queries';
import { givenAccount } from '@/lib/risk/object-route';
import { isObjectId } from '@/lib/stripe/ids';
import { RiskObjectPage } from '../../_components/risk-object-page';
import { WarningView } from '../_components/warning-view';

export const metadata: Metadata = { title: 'Early fraud warning' };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('risk.read');
  const id = decodeURIComponent((await params).id);
  const account = givenAccount((await searchParams).account);
  if (!isObjectId(id, 'issfr_') || account === undefined) notFound();
  return (
    <RiskObjectPage
      id={id}
      noun="early fraud warning"
      account={account}
      operator={operator}
      prefetch={(queryClient) => queryClient.fetchQuery({ ...riskObjectQueries.warning(id, account), queryFn: async () => toPlain(await getWarningDetail(id, account)) })}
    >
      <WarningView id={id} account={account} canOpenAccount={can(operator.role, 'accounts.read')} />
    </RiskObjectPage>
  );
}
