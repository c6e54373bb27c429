'use client';
// The risk queue: accounts with risk signals, ranked by a score explained in words. Case-status
// tabs with counts, the filter bar, the freshness line, the table (sorted by the server) and the
// keyset pager. The view lives in the URL; React Query reads it under the queue's key (the
// server's prefetch fills it on first paint) and asks again every few seconds, so an early fraud
// warning arriving by webhook raises its account without a reload.
import { useQuery } from '@tanstack/react-query';
import { SlidersHorizontal } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useState, useTransition } from 'react';
import { FilterBar } from '@/components/data-table/filter-bar';
import { IndexListResults } from '@/components/data-table/index-list-results';
import { ListTabs } from '@/components/data-table/list-tabs';
import { PageHeader } from '@/components/shell/page-header';
import type { FilterField } from '@/lib/lists/filter-fields';
import { fieldValues } from '@/lib/lists/filter-fields';
import { riskQueries, type QueueListResult } from '@/lib/risk/keys';
import { firstQueuePage, QUEUE_FIELD_NAMES, QUEUE_TAB_LABELS, QUEUE_TABS, queueFiltersQuery, type QueueFilters } from '@/lib/risk/queue-filters';
import { plural } from '@/lib/words';
import { QUEUE_COLUMNS, SORT_OF_QUEUE_COLUMN } from './queue-columns';


/** What the queue holds, in words: the tab's count under the filters. */
export function queueSummary(r: QueueListResult, f: QueueFilters): string {
  const total = r.counts[f.tab];
  const narrowed = QUEUE_FIELD_NAMES.some((name) => name !== 'sort' && name !== 'limit' && f[name] !== undefined);
  const where = f.tab === 'all' ? '' : ` ${QUEUE_TAB_LABELS[f.tab].toLowerCase()}`;
  return `${plural(total, 'account', 'accounts')}${where}${narrowed ? ' matching these filters' : ''}.`;
}

export function RiskQueue({ filters, fields }: { filters: QueueFilters; fields: FilterField[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const query = useQuery(riskQueries.queue(filters));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersSet = QUEUE_FIELD_NAMES.filter((name) => name !== 'limit' && name !== 'sort' && filters[name] !== undefined).length;
  const navigate = useCallback((q: string) => startTransition(() => router.push(`/risk${q}`, { scroll: false })), [router]);
  const page = query.data;
  const base = firstQueuePage(filters);

  return (
    <>
      <PageHeader
        title="Risk"
        description="Connected accounts with risk signals, highest score first. Each score is the sum of the reasons beside it; a row opens the account's case."
      />
      <ListTabs
        label="Case status"
        tabs={QUEUE_TABS}
        labels={QUEUE_TAB_LABELS}
        current={filters.tab}
        counts={page?.counts}
        path="/risk"
        queryOf={(tab) => queueFiltersQuery({ ...base, tab })}
        onNavigate={navigate}
        testId="queue-tabs"
      />
      <button
        type="button"
        onClick={() => setFiltersOpen(!filtersOpen)}
        aria-expanded={filtersOpen}
        aria-controls="queue-filter-bar"
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3 text-sm font-medium text-neutral-800 sm:hidden"
        data-testid="filters-toggle"
      >
        <SlidersHorizontal aria-hidden className="size-4" /> Filters{filtersSet ? ` (${filtersSet} set)` : ''}
      </button>
      <div id="queue-filter-bar" className={filtersOpen ? undefined : 'hidden sm:block'}>
        <FilterBar
          action="/risk"
          fields={fields}
          values={fieldValues({ ...filters }, fields)}
          keep={{ tab: filters.tab === 'waiting' ? '' : filters.tab, order: filters.order === 'desc' ? '' : filters.order }}
          testId="queue-filters"
          applyTestId="apply-filters"
          pending={pending}
          onNavigate={navigate}
        />
      </div>
      <IndexListResults
        page={page}
        error={query.error}
        loading={query.isPending}
        pending={pending}
        summary={(p) => queueSummary(p, filters)}
        table={{ columns: QUEUE_COLUMNS, getRowId: (item) => item.accountId, empty: 'No account in this queue.', label: 'Risk queue', testId: 'queue-table' }}
        sort={{ columnOf: SORT_OF_QUEUE_COLUMN, current: filters.sort, desc: filters.order === 'desc' }}
        queryOf={(change) => queueFiltersQuery({ ...base, ...change })}
        onNavigate={navigate}
      />
    </>
  );
}
