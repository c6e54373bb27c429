// A risk case: one account's evidence on one screen, its case (status, assignee, notes, earlier
// cases) and, for those who decide, the decisions. The account is read live from Stripe, the case
// and the evidence from the console's database and index, all at once on the server into a React
// Query cache the browser hydrates; actions refetch only what they changed.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { accountQueries } from '@/lib/accounts/keys';
import { getAccount } from '@/lib/accounts/queries';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { makeQueryClient } from '@/lib/query-client';
import { caseQueries } from '@/lib/risk/case-keys';
import { listDeciders, readCase } from '@/lib/risk/cases';
import { readEvidence } from '@/lib/risk/evidence';
import { stripeMode } from '@/lib/stripe/client';
import { isObjectId } from '@/lib/stripe/ids';
import { CaseScreen, type CasePermissions } from './_components/case-screen';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Risk case ${decodeURIComponent((await params).id)}` };
}

export default async function RiskCasePage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('risk.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'acct_')) notFound();
  const decide = can(operator.role, 'risk.decide');
  const allowed: CasePermissions = {
    decide,
    assign: decide && can(operator.role, 'operators.manage'),
    reject: decide && can(operator.role, 'accounts.reject'),
  };

  const db = await getDb();
  const queryClient = makeQueryClient();
  const [deciders] = await Promise.all([
    allowed.assign ? listDeciders(db) : [],
    queryClient.prefetchQuery({ ...accountQueries.detail(id), queryFn: () => getAccount(id) }),
    queryClient.prefetchQuery({ ...caseQueries.detail(id), queryFn: () => readCase(db, id) }),
    queryClient.prefetchQuery({ ...caseQueries.evidence(id), queryFn: () => readEvidence(db, id) }),
  ]);

  return (
    <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CaseScreen accountId={id} me={{ id: operator.id, name: operator.name, email: operator.email }} mode={stripeMode()} can={allowed} deciders={deciders} />
      </HydrationBoundary>
    </main>
  );
}
