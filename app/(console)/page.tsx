// Overview: which backend the console is on, and its connected accounts by the Stripe Dashboard's
// status tabs, counted in the console's index (not by paging through Stripe, which at 100,000
// accounts is a thousand calls), with how fresh the index is. Each count opens its tab of the
// accounts list. Read from the console's own database, so it stays up while Stripe is not.
import Link from 'next/link';
import { FreshnessLine } from '@/components/index/freshness-line';
import { TAB_LABELS } from '@/lib/accounts/filters';
import { indexedAccountCounts } from '@/lib/accounts/index-list';
import { requirePermission } from '@/lib/auth/guard';
import { ACCOUNT_TABS } from '@/lib/index/account-row';
import { stripeApiBaseLabel } from '@/lib/stripe/client';

// Counts must reflect the index now, never a build-time snapshot.
export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  await requirePermission('accounts.read');
  const apiBase = stripeApiBaseLabel();
  const { counts, freshness } = await indexedAccountCounts();

  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <div className="flex items-center gap-2 text-sm text-neutral-500">
          <span>
            Backend <code className="font-mono text-neutral-700">{apiBase}</code>
          </span>
        </div>
      </div>

      <section className="mt-6 space-y-3" aria-labelledby="accounts-heading">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Link href="/accounts" className="block rounded-lg border border-neutral-200 bg-surface p-5 shadow-sm hover:border-neutral-300">
            <h2 id="accounts-heading" className="text-sm font-medium text-neutral-500">
              Connected accounts
            </h2>
            <p data-testid="account-count" className="mt-2 text-3xl font-semibold tabular-nums text-neutral-900">
              {counts.all.toLocaleString('en-US')}
            </p>
          </Link>
        </div>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Accounts by status">
          {ACCOUNT_TABS.map((tab) => (
            <li key={tab}>
              <Link
                href={`/accounts?tab=${tab}`}
                className="block rounded-lg border border-neutral-200 bg-surface px-4 py-3 hover:border-neutral-300"
                data-testid={`overview-tab-${tab}`}
              >
                <span className="block text-xs text-neutral-500">{TAB_LABELS[tab]}</span>
                <span className="block text-xl font-semibold tabular-nums text-neutral-900" data-testid="overview-tab-count">
                  {counts[tab].toLocaleString('en-US')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <FreshnessLine freshness={freshness} />
      </section>
    </main>
  );
}
