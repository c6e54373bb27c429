// What a list's filter bar shows, as data: each field's URL parameter, label and kind (text, date or
// a choice), so one bar (components/data-table/filter-bar.tsx) serves every list and the list's
// zod schema stays the one judge of what a value means. Pure, client-safe and serialisable (a
// server page hands it to the bar as a prop).
import { PAGE_SIZES } from '@/lib/lists/url-filters';

export type FilterOption = { value: string; label: string };

export type FilterField =
  | { kind: 'text'; name: string; label: string; placeholder?: string; /** Ids and codes: monospaced. */ mono?: boolean }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'select'; name: string; label: string; options: FilterOption[]; /** The "no filter" choice's words; none = always set. */ any?: string; testId?: string };

/** Options from a list of values and their labels. */
export const optionsOf = <V extends string>(values: readonly V[], labels: Record<V, string>): FilterOption[] => values.map((value) => ({ value, label: labels[value] }));

/** The whole-UTC-day range most lists filter `created` on. */
export const createdFields = (fromLabel = 'Created from (UTC)', toLabel = 'to', names: [string, string] = ['created_from', 'created_to']): FilterField[] => [
  { kind: 'date', name: names[0], label: fromLabel },
  { kind: 'date', name: names[1], label: toLabel },
];

/** How many rows a page holds. */
export const pageSizeField: FilterField = { kind: 'select', name: 'limit', label: 'Per page', options: PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) })) };

/** The URL values of a list's parsed filters, as the bar's fields show them ('' for unset). */
export function fieldValues(filters: Record<string, unknown>, fields: readonly FilterField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, filters[f.name] === undefined || filters[f.name] === null ? '' : String(filters[f.name])]));
}

/** How many of a bar's fields narrow the list: those set, but for the sort and the page size, which only arrange it. */
export function filtersSet(filters: Record<string, unknown>, names: readonly string[]): number {
  return names.filter((name) => name !== 'sort' && name !== 'limit' && filters[name] !== undefined).length;
}
