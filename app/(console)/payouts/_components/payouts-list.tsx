'use client';
// The Payouts list: connected accounts' payouts from the console's index. Status tabs with counts
// (failed ones called out), the filter bar, the freshness line, the table (sorted by the server)
// and the keyset pager (components/data-table/index-list-shell.tsx); this file holds the list's words.
import { IndexListShell } from '@/components/data-table/index-list-shell';
import { PAYOUT_FILTER_FIELDS, PAYOUT_TAB_LABELS, PAYOUT_TABS, payoutFiltersQuery, type PayoutFilters } from '@/lib/payouts/filters';
import { payoutQueries } from '@/lib/payouts/keys';
import { payoutSummary } from '@/lib/payouts/words';
import { PAYOUT_COLUMNS, SORT_OF_PAYOUT_COLUMN } from './payout-columns';

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
