'use client';
// The Payouts list: connected accounts' payouts from the console's index. Status tabs with counts
// (failed ones called out), the filter bar, the freshness line, the table (sorted by the server)
// and the keyset pager. The view lives in the URL; React Query reads it under the list's key (the
// server's prefetch fills it on first paint).
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { FilterBar } from '@/components/data-table/filter-bar';
import { IndexListResults } from '@/components/data-table/index-list-results';
import { ListTabs } from '@/components/data-table/list-tabs';
import { fieldValues } from '@/lib/lists/filter-fields';
import { firstPayoutPage, PAYOUT_FIELD_NAMES, PAYOUT_FILTER_FIELDS, PAYOUT_TAB_LABELS, PAYOUT_TABS, payoutFiltersQuery, type PayoutFilters } from '@/lib/payouts/filters';
import { payoutQueries, type PayoutListResult } from '@/lib/payouts/keys';
import { plural } from '@/lib/words';
import { PAYOUT_COLUMNS, SORT_OF_PAYOUT_COLUMN } from './payout-columns';

/** What the list holds, in words: the tab's count under the filters, and the failed ones when another tab hides them. */
export function payoutSummary(r: PayoutListResult, f: PayoutFilters): string {
  const narrowed = PAYOUT_FIELD_NAMES.some((name) => name !== 'sort' && name !== 'limit' && f[name] !== undefined);
  const where = f.tab === 'all' ? '' : ` ${PAYOUT_TAB_LABELS[f.tab].toLowerCase()}`;
  const failed = f.tab !== 'failed' && r.counts.failed > 0 ? ` ${plural(r.counts.failed, 'payout', 'payouts')} failed: see the Failed tab.` : '';
  return `${plural(r.counts[f.tab], 'payout', 'payouts')}${where}${narrowed ? ' matching these filters' : ''}.${failed}`;
}

export function PayoutsList({ filters }: { filters: PayoutFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const query = useQuery(payoutQueries.list(filters));
  const navigate = useCallback((q: string) => startTransition(() => router.push(`/payouts${q}`, { scroll: false })), [router]);
  const page = query.data;
  const base = firstPayoutPage(filters);

  return (
    <>
      <ListTabs
        label="Payout status"
        tabs={PAYOUT_TABS}
        labels={PAYOUT_TAB_LABELS}
        current={filters.tab}
        counts={page?.counts}
        path="/payouts"
        queryOf={(tab) => payoutFiltersQuery({ ...base, tab })}
        onNavigate={navigate}
        testId="payout-tabs"
      />
      <FilterBar
        action="/payouts"
        fields={PAYOUT_FILTER_FIELDS}
        values={fieldValues({ ...filters }, PAYOUT_FILTER_FIELDS)}
        keep={{ tab: filters.tab === 'all' ? '' : filters.tab, order: filters.order === 'desc' ? '' : filters.order }}
        testId="payout-filters"
        applyTestId="apply-filters"
        pending={pending}
        onNavigate={navigate}
      />
      <IndexListResults
        page={page}
        error={query.error}
        loading={query.isPending}
        pending={pending}
        summary={(p) => payoutSummary(p, filters)}
        table={{ columns: PAYOUT_COLUMNS, getRowId: (item) => item.id, empty: 'No payout in this view.', label: 'Payouts', testId: 'payout-table' }}
        sort={{ columnOf: SORT_OF_PAYOUT_COLUMN, current: filters.sort, desc: filters.order === 'desc' }}
        queryOf={(change) => payoutFiltersQuery({ ...base, ...change })}
        onNavigate={navigate}
      />
    </>
  );
}
