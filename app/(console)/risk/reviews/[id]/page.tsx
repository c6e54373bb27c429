// One Radar review, live from Stripe on the store it lives in (the index says which; else
// `?account=acct_…`): prefetched under the browser's query key and hydrated, with its audit
// history. Those with risk.decide approve an open review with the case's own action
// (lib/risk/actions.ts approveReviewAction) while the account's case is being worked.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { toPlain } from '@/lib/http/json';
import { riskObjectQueries } from '@/lib/risk/object-keys';
import { getReviewDetail } from '@/lib/risk/object-queries';
import { givenAccount } from '@/lib/risk/object-route';
import { isObjectId } from '@/lib/stripe/ids';
import { RiskObjectPage } from '../../_components/risk-object-page';
import { ReviewView } from '../_components/review-view';

export const metadata: Metadata = { title: 'Radar review' };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('risk.read');
  const id = decodeURIComponent((await params).id);
  const account = givenAccount((await searchParams).account);
  if (!isObjectId(id, 'prv_') || account === undefined) notFound();
  return (
    <RiskObjectPage
      id={id}
      noun="review"
      account={account}
      operator={operator}
      prefetch={(queryClient) => queryClient.fetchQuery({ ...riskObjectQueries.review(id, account), queryFn: async () => toPlain(await getReviewDetail(id, account)) })}
    >
      <ReviewView id={id} account={account} canOpenAccount={can(operator.role, 'accounts.read')} canDecide={can(operator.role, 'risk.decide')} />
    </RiskObjectPage>
  );
}
