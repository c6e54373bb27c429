// One connected account: every view Stripe has of it, fetched on the server all at once (one
// parallel round of Stripe calls) into a React Query cache that the browser hydrates, so the
// first paint is complete and later actions refetch only the views they change.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ObjectApprovals } from '@/components/approvals/object-approvals';
import { approvalQueries } from '@/lib/approvals/keys';
import { listRequestsOn } from '@/lib/approvals/queries';
import { toPlain } from '@/lib/http/json';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listDisputesOf } from '@/lib/accounts/disputes';
import { accountQueries } from '@/lib/accounts/keys';
import { getAccount, getAccountBalance, listCapabilities, listExternalAccounts, listFeesFrom, listPersons, listTransfersTo } from '@/lib/accounts/queries';
import { readDeletion, readObjectHistory } from '@/lib/audit/history';
import { auditQueries } from '@/lib/audit/keys';
import { accountSchedulesView, scheduleQueries } from '@/lib/billing/schedules/keys';
import { listSchedules } from '@/lib/billing/schedules/list';
import { accountFailedPayoutsView, accountPayoutsView, payoutQueries } from '@/lib/payouts/keys';
import { listPayouts } from '@/lib/payouts/list';
import { toAuditEntryView } from '@/lib/audit/view';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { isObjectId } from '@/lib/stripe/ids';
import { makeQueryClient } from '@/lib/query-client';
import { stripeMode } from '@/lib/stripe/client';
import { AccountView, type AccountPermissions } from './_components/account-view';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Account ${decodeURIComponent((await params).id)}` };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('accounts.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'acct_')) notFound();
  const role = operator.role;
  const allowed: AccountPermissions = {
    update: can(role, 'accounts.update'),
    reject: can(role, 'accounts.reject'),
    unreject: can(role, 'accounts.unreject'),
    delete: can(role, 'accounts.delete'),
    capabilities: can(role, 'capabilities.manage'),
    links: can(role, 'links.create'),
    transfers: can(role, 'transfers.read'),
    fees: can(role, 'fees.read'),
    billing: can(role, 'billing.read'),
    payouts: can(role, 'payouts.read'),
    risk: can(role, 'risk.read'),
    audit: can(role, 'audit.read'),
  };

  // A deleted account is gone from Stripe: the audit log says who deleted it and when (one indexed
  // read, run beside the Stripe calls; shown only if the account cannot be read).
  const deletion = readDeletion(id).catch(() => null);

  // Every view at once: the page waits for the slowest Stripe call, not their sum. A failed view
  // is not cached; the browser retries it through its route handler and shows its own error.
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...accountQueries.detail(id), queryFn: () => getAccount(id) }),
    queryClient.prefetchQuery({ ...accountQueries.capabilities(id), queryFn: () => listCapabilities(id) }),
    queryClient.prefetchQuery({ ...accountQueries.persons(id), queryFn: () => listPersons(id) }),
    queryClient.prefetchQuery({ ...accountQueries.externalAccounts(id), queryFn: () => listExternalAccounts(id) }),
    queryClient.prefetchQuery({ ...accountQueries.balance(id), queryFn: () => getAccountBalance(id) }),
    allowed.transfers ? queryClient.prefetchQuery({ ...accountQueries.transfers(id), queryFn: () => listTransfersTo(id) }) : null,
    allowed.fees ? queryClient.prefetchQuery({ ...accountQueries.fees(id), queryFn: () => listFeesFrom(id) }) : null,
    // From the console's index, not Stripe: no round trip added.
    allowed.risk ? queryClient.prefetchQuery({ ...accountQueries.disputes(id), queryFn: () => listDisputesOf(id) }) : null,
    allowed.billing ? queryClient.prefetchQuery({ ...scheduleQueries.list(accountSchedulesView(id)), queryFn: () => listSchedules(accountSchedulesView(id)) }) : null,
    ...(allowed.payouts ? [accountPayoutsView(id), accountFailedPayoutsView(id)].map((view) => queryClient.prefetchQuery({ ...payoutQueries.list(view), queryFn: () => listPayouts(view) })) : []),
    can(role, 'approvals.read') ? queryClient.prefetchQuery({ ...approvalQueries.object(id), queryFn: async () => toPlain(await listRequestsOn(id, operator)) }) : null,
    allowed.audit
      ? queryClient.prefetchQuery({ ...auditQueries.object(id), queryFn: async () => ((await readObjectHistory(operator, id)) ?? []).map(toAuditEntryView) })
      : null,
  ]);

  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        {can(role, 'approvals.read') ? (
          <div className="mb-4">
            <ObjectApprovals objectId={id} />
          </div>
        ) : null}
        <AccountView id={id} mode={stripeMode()} can={allowed} deletion={await deletion} />
      </HydrationBoundary>
    </main>
  );
}
