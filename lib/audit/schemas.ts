// The Audit page's filters, as they appear in the URL. One schema for the page, the CSV export
// route and the filter toolbar, so a shared link shows the same rows everywhere. Client-safe.
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, OPEN_OUTCOMES_FILTER, OPEN_OUTCOMES_LABEL, OUTCOME_FILTERS, OUTCOME_LABELS } from '@/lib/audit/catalog';
import type { FilterField } from '@/lib/lists/filter-fields';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const day = z.preprocess(blankToUndefined, z.iso.date().optional().catch(undefined));
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional().catch(undefined));

export const auditFiltersSchema = z.object({
  operator: text(64),
  action: text(64),
  object: text(255),
  outcome: z.preprocess(blankToUndefined, z.enum(OUTCOME_FILTERS).optional().catch(undefined)),
  /** Inclusive days, UTC (YYYY-MM-DD). */
  from: day,
  to: day,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditPageSchema = auditFiltersSchema.extend({
  /** An entry id: show entries older (`dir=older`, the default) or newer than it. */
  cursor: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional().catch(undefined)),
  dir: z.preprocess(blankToUndefined, z.enum(['older', 'newer']).default('older').catch('older')),
});
export type AuditPageQuery = z.infer<typeof auditPageSchema>;

export const AUDIT_FILTER_KEYS = ['operator', 'action', 'object', 'outcome', 'from', 'to'] as const;

/** Reads URL search params (from a page's `searchParams` or a URL) into the typed query. */
export function parseAuditQuery(input: URLSearchParams | Record<string, string | string[] | undefined>): AuditPageQuery {
  const get = (key: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
    const value = input[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const raw = Object.fromEntries(['cursor', 'dir', ...AUDIT_FILTER_KEYS].map((key) => [key, get(key)]));
  return auditPageSchema.parse(raw);
}

/** The filters (no cursor) as search params, leaving out the empty ones. */
export function auditFiltersToSearch(filters: Partial<AuditFilters>): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The Audit page's filter bar; the operators to choose from are the page's. */
export function auditFilterFields(operators: readonly { id: string; email: string }[]): FilterField[] {
  return [
    { kind: 'select', name: 'operator', label: 'Operator', any: 'Anyone', options: operators.map((o) => ({ value: o.id, label: o.email })) },
    { kind: 'select', name: 'action', label: 'Action', any: 'Any action', options: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })) },
    { kind: 'text', name: 'object', label: 'Object id', placeholder: 'acct_… / op_…', mono: true },
    {
      kind: 'select',
      name: 'outcome',
      label: 'Outcome',
      any: 'Any outcome',
      options: [{ value: OPEN_OUTCOMES_FILTER, label: OPEN_OUTCOMES_LABEL }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))],
    },
    { kind: 'date', name: 'from', label: 'From (UTC)' },
    { kind: 'date', name: 'to', label: 'To (UTC)' },
  ];
}
