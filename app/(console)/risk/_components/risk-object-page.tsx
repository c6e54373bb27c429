// The frame of a risk object page (a charge, a review, an early fraud warning): the object read
// live from Stripe into the browser's query cache on the server, or its failure in words (an id
// Stripe does not know is "Not found", with where it was looked for), then the view and the
// object's audit history.
import { dehydrate, HydrationBoundary, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import Stripe from 'stripe';
import { ObjectHistory } from '@/components/audit/object-history';
import { ErrorBox } from '@/components/error-box';
import { PageHeader } from '@/components/shell/page-header';
import type { SessionOperator } from '@/lib/auth/guard';
import { describeReadError, isMissing } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import type { PlainError } from '@/lib/stripe/errors';
import { BackLink } from '@/components/shell/back-link';

function failure(error: unknown, noun: string, id: string, account: string | null): PlainError {
  if (!isMissing(error)) return describeReadError(error);
  const where = account ? ` on the platform or on ${account}` : ' on the platform';
  const requestId = error instanceof Stripe.errors.StripeError ? error.requestId : undefined;
  return { title: 'Not found', message: `Stripe knows no ${noun} ${id}${where}.`, requestId };
}

export async function RiskObjectPage({
  id,
  noun,
  account,
  operator,
  prefetch,
  children,
}: {
  id: string;
  /** "charge", "review", "early fraud warning". */
  noun: string;
  account: string | null;
  operator: SessionOperator;
  prefetch: (queryClient: QueryClient) => Promise<unknown>;
  children: ReactNode;
}) {
  const title = `${noun[0]!.toUpperCase()}${noun.slice(1)} ${id}`;
  const queryClient = makeQueryClient();
  let failed: PlainError | null = null;
  try {
    await prefetch(queryClient);
  } catch (error) {
    failed = failure(error, noun, id, account);
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <BackLink href="/risk" label="Risk" />
      <PageHeader title={title} />
      {failed ? (
        <ErrorBox
          error={failed}
          hint={failed.title === 'Not found' && !account ? 'A direct charge and its Radar objects live on the connected account: open it from the account’s risk case, or add ?account=acct_… to the address.' : undefined}
        />
      ) : (
        <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>
      )}
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
