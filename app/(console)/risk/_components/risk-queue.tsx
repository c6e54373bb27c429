'use client';
// The risk queue: accounts with risk signals, ranked by a score explained in words. Case-status
// tabs with counts, the filter bar (folded on a phone), the freshness line, the table (sorted by
// the server) and the keyset pager (components/data-table/index-list-shell.tsx). React Query asks
// again every few seconds (lib/risk/keys.ts), so an early fraud warning arriving by webhook raises
// its account without a reload.
import { IndexListShell } from '@/components/data-table/index-list-shell';
import { PageHeader } from '@/components/shell/page-header';
import { filtersSet, type FilterField } from '@/lib/lists/filter-fields';
import { riskQueries, type QueueListResult } from '@/lib/risk/keys';
import { QUEUE_FIELD_NAMES, QUEUE_TAB_LABELS, QUEUE_TABS, queueFiltersQuery, type QueueFilters } from '@/lib/risk/queue-filters';
import { tabSummary } from '@/lib/words';
import { QUEUE_COLUMNS, SORT_OF_QUEUE_COLUMN } from './queue-columns';

/** What the queue holds, in words: the tab's count under the filters. */
export function queueSummary(r: QueueListResult, f: QueueFilters): string {
  return tabSummary(r.counts[f.tab], 'account', 'accounts', f.tab === 'all' ? null : QUEUE_TAB_LABELS[f.tab].toLowerCase(), filtersSet({ ...f }, QUEUE_FIELD_NAMES) > 0);
}

export function RiskQueue({ filters, fields }: { filters: QueueFilters; fields: FilterField[] }) {
  return (
    <>
      <PageHeader
        title="Risk"
        description="Connected accounts with risk signals, highest score first. Each score is the sum of the reasons beside it; a row opens the account's case."
      />
      <IndexListShell
        path="/risk"
        view={filters}
        viewQuery={queueFiltersQuery}
        query={riskQueries.queue(filters)}
        tabs={{ label: 'Case status', tabs: QUEUE_TABS, labels: QUEUE_TAB_LABELS, default: 'waiting', testId: 'queue-tabs' }}
        filters={{ fields, testId: 'queue-filters', foldId: 'queue-filter-bar' }}
        summary={(p) => queueSummary(p, filters)}
        table={{ columns: QUEUE_COLUMNS, getRowId: (item) => item.accountId, empty: 'No account in this queue.', label: 'Risk queue', testId: 'queue-table' }}
        sortOf={SORT_OF_QUEUE_COLUMN}
      />
    </>
  );
}
