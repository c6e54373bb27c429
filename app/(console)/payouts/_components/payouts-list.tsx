'use client';
// The Payouts list: connected accounts' payouts from the console's index. Status tabs with counts
// (failed ones called out), the filter bar, the freshness line, the table (sorted by the server)
// and the keyset pager (components/data-table/index-list-shell.tsx); this file holds the list's words.
import { IndexListShell } from '@/components/data-table/index-list-shell';
import { filtersSet } from '@/lib/lists/filter-fields';
import { PAYOUT_FIELD_NAMES, PAYOUT_FILTER_FIELDS, PAYOUT_TAB_LABELS, PAYOUT_TABS, payoutFiltersQuery, type PayoutFilters } from '@/lib/payouts/filters';
import { payoutQueries, type PayoutListResult } from '@/lib/payouts/keys';
import { plural, tabSummary } from '@/lib/words';
import { PAYOUT_COLUMNS, SORT_OF_PAYOUT_COLUMN } from './payout-columns';

/** What the list holds, in words: the tab's count under the filters, and the failed ones when another tab hides them. */
export function payoutSummary(r: PayoutListResult, f: PayoutFilters): string {
  const failed = f.tab !== 'failed' && r.counts.failed > 0 ? ` ${plural(r.counts.failed, 'payout', 'payouts')} failed: see the Failed tab.` : '';
  return `${tabSummary(r.counts[f.tab], 'payout', 'payouts', f.tab === 'all' ? null : PAYOUT_TAB_LABELS[f.tab].toLowerCase(), filtersSet({ ...f }, PAYOUT_FIELD_NAMES) > 0)}${failed}`;
}

export function PayoutsList({ filters }: { filters: PayoutFilters }) {
  return (
    <IndexListShell
      path="/payouts"
      view={filters}
      viewQuery={payoutFiltersQuery}
      query={payoutQueries.list(filters)}
      tabs={{ label: 'Payout status', tabs: PAYOUT_TABS, labels: PAYOUT_TAB_LABELS, default: 'all', testId: 'payout-tabs' }}
      filters={{ fields: PAYOUT_FILTER_FIELDS, testId: 'payout-filters' }}
      summary={(p) => payoutSummary(p, filters)}
      table={{ columns: PAYOUT_COLUMNS, getRowId: (item) => item.id, empty: 'No payout in this view.', label: 'Payouts', testId: 'payout-table' }}
      sortOf={SORT_OF_PAYOUT_COLUMN}
    />
  );
}
