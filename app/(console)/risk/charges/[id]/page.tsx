// One charge, live from Stripe on the store it lives in (the index says which; else
// `?account=acct_…`, which the case and account pages' links carry): prefetched under the browser's
// query key and hydrated, with the charge's audit history.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { toPlain } from '@/lib/http/json';
import { riskObjectQueries } from '@/lib/risk/object-keys';
import { getChargeDetail } from '@/lib/risk/object-queries';
import { givenAccount } from '@/lib/risk/object-route';
import { isObjectId } from '@/lib/stripe/ids';
import { RiskObjectPage } from '../../_components/risk-object-page';
import { ChargeView } from '../_components/charge-view';

export const metadata: Metadata = { title: 'Charge' };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('risk.read');
  const id = decodeURIComponent((await params).id);
  const account = givenAccount((await searchParams).account);
  if (!isObjectId(id, 'ch_') || account === undefined) notFound();
  return (
    <RiskObjectPage
      id={id}
      noun="charge"
      account={account}
      operator={operator}
      prefetch={(queryClient) => queryClient.fetchQuery({ ...riskObjectQueries.charge(id, account), queryFn: async () => toPlain(await getChargeDetail(id, account)) })}
    >
      <ChargeView id={id} account={account} canOpenAccount={can(operator.role, 'accounts.read')} canOpenTransfer={can(operator.role, 'transfers.read')} canOpenFee={can(operator.role, 'fees.read')} />
    </RiskObjectPage>
  );
}
