'use client';
// The Billing list: connected accounts' subscription schedules from the console's index. Status
// tabs with counts, the filter bar, the freshness line, the table (sorted by the server) and the
// keyset pager (components/data-table/index-list-shell.tsx); this file holds the list's words.
import { IndexListShell } from '@/components/data-table/index-list-shell';
import { scheduleQueries, type ScheduleListResult } from '@/lib/billing/schedules/keys';
import {
  SCHEDULE_FIELD_NAMES,
  SCHEDULE_FILTER_FIELDS,
  SCHEDULE_TAB_LABELS,
  SCHEDULE_TABS,
  scheduleFiltersQuery,
  type ScheduleFilters,
} from '@/lib/billing/schedules/filters';
import { filtersSet } from '@/lib/lists/filter-fields';
import { tabSummary } from '@/lib/words';
import { SCHEDULE_COLUMNS, SORT_OF_SCHEDULE_COLUMN } from './schedule-columns';

/** What the list holds, in words: the tab's count under the filters. */
export function scheduleSummary(r: ScheduleListResult, f: ScheduleFilters): string {
  return tabSummary(r.counts[f.tab], 'schedule', 'schedules', f.tab === 'all' ? null : SCHEDULE_TAB_LABELS[f.tab].toLowerCase(), filtersSet({ ...f }, SCHEDULE_FIELD_NAMES) > 0);
}

export function SchedulesList({ filters }: { filters: ScheduleFilters }) {
  return (
    <IndexListShell
      path="/billing"
      view={filters}
      viewQuery={scheduleFiltersQuery}
      query={scheduleQueries.list(filters)}
      tabs={{ label: 'Schedule status', tabs: SCHEDULE_TABS, labels: SCHEDULE_TAB_LABELS, default: 'all', testId: 'schedule-tabs' }}
      filters={{ fields: SCHEDULE_FILTER_FIELDS, testId: 'schedule-filters' }}
      summary={(p) => scheduleSummary(p, filters)}
      table={{ columns: SCHEDULE_COLUMNS, getRowId: (item) => item.id, empty: 'No subscription schedule in this view.', label: 'Subscription schedules', testId: 'schedule-table' }}
      sortOf={SORT_OF_SCHEDULE_COLUMN}
    />
  );
}
