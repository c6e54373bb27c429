'use client';
// The Billing list: connected accounts' subscription schedules from the console's index. Status
// tabs with counts, the filter bar, the freshness line, the table (sorted by the server) and the
// keyset pager. The view lives in the URL; React Query reads it under the list's key (the
// server's prefetch fills it on first paint).
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { FilterBar } from '@/components/data-table/filter-bar';
import { IndexListResults } from '@/components/data-table/index-list-results';
import { ListTabs } from '@/components/data-table/list-tabs';
import { scheduleQueries, type ScheduleListResult } from '@/lib/billing/schedules/keys';
import {
  firstSchedulePage,
  SCHEDULE_FIELD_NAMES,
  SCHEDULE_FILTER_FIELDS,
  SCHEDULE_TAB_LABELS,
  SCHEDULE_TABS,
  scheduleFiltersQuery,
  type ScheduleFilters,
} from '@/lib/billing/schedules/filters';
import { fieldValues } from '@/lib/lists/filter-fields';
import { plural } from '@/lib/words';
import { SCHEDULE_COLUMNS, SORT_OF_SCHEDULE_COLUMN } from './schedule-columns';


/** What the list holds, in words: the tab's count under the filters. */
export function scheduleSummary(r: ScheduleListResult, f: ScheduleFilters): string {
  const narrowed = SCHEDULE_FIELD_NAMES.some((name) => name !== 'sort' && name !== 'limit' && f[name] !== undefined);
  const where = f.tab === 'all' ? '' : ` ${SCHEDULE_TAB_LABELS[f.tab].toLowerCase()}`;
  return `${plural(r.counts[f.tab], 'schedule', 'schedules')}${where}${narrowed ? ' matching these filters' : ''}.`;
}

export function SchedulesList({ filters }: { filters: ScheduleFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const query = useQuery(scheduleQueries.list(filters));
  const navigate = useCallback((q: string) => startTransition(() => router.push(`/billing${q}`, { scroll: false })), [router]);
  const page = query.data;
  const base = firstSchedulePage(filters);

  return (
    <>
      <ListTabs
        label="Schedule status"
        tabs={SCHEDULE_TABS}
        labels={SCHEDULE_TAB_LABELS}
        current={filters.tab}
        counts={page?.counts}
        path="/billing"
        queryOf={(tab) => scheduleFiltersQuery({ ...base, tab })}
        onNavigate={navigate}
        testId="schedule-tabs"
      />
      <FilterBar
        action="/billing"
        fields={SCHEDULE_FILTER_FIELDS}
        values={fieldValues({ ...filters }, SCHEDULE_FILTER_FIELDS)}
        keep={{ tab: filters.tab === 'all' ? '' : filters.tab, order: filters.order === 'desc' ? '' : filters.order }}
        testId="schedule-filters"
        applyTestId="apply-filters"
        pending={pending}
        onNavigate={navigate}
      />
      <IndexListResults
        page={page}
        error={query.error}
        loading={query.isPending}
        pending={pending}
        summary={(p) => scheduleSummary(p, filters)}
        table={{ columns: SCHEDULE_COLUMNS, getRowId: (item) => item.id, empty: 'No subscription schedule in this view.', label: 'Subscription schedules', testId: 'schedule-table' }}
        sort={{ columnOf: SORT_OF_SCHEDULE_COLUMN, current: filters.sort, desc: filters.order === 'desc' }}
        queryOf={(change) => scheduleFiltersQuery({ ...base, ...change })}
        onNavigate={navigate}
      />
    </>
  );
}
