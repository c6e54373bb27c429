'use client';
// The Stripe Dashboard's status tabs over the accounts list, each with its count under the other
// filters and the search (from the index).
import { ListTabs } from '@/components/data-table/list-tabs';
import { accountFiltersQuery, firstPage, LIST_TABS, TAB_LABELS, type AccountFilters, type ListTab } from '@/lib/accounts/filters';

export function StatusTabs({ filters, counts, onNavigate }: { filters: AccountFilters; counts: Record<ListTab, number> | undefined; onNavigate: (query: string) => void }) {
  return (
    <ListTabs
      label="Account status"
      tabs={LIST_TABS}
      labels={TAB_LABELS}
      current={filters.tab}
      counts={counts}
      path="/accounts"
      queryOf={(tab) => accountFiltersQuery({ ...firstPage(filters), tab })}
      onNavigate={onNavigate}
    />
  );
}
