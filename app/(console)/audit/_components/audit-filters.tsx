// The Audit page's filters: a plain GET form, so the filters live in the URL (shareable, and it
// works before JavaScript loads). Submitting starts again from the newest entries.
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, OPEN_OUTCOMES_FILTER, OPEN_OUTCOMES_LABEL, OUTCOME_LABELS } from '@/lib/audit/catalog';
import type { AuditFilters } from '@/lib/audit/schemas';
import type { Operator } from '@/lib/operators/store';

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-neutral-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function AuditFiltersForm({ filters, operators }: { filters: AuditFilters; operators: Operator[] }) {
  return (
    <form method="get" action="/audit" className="flex flex-wrap items-end gap-3" data-testid="audit-filters" role="search">
      <Field label="Operator" htmlFor="f-operator">
        <Select id="f-operator" name="operator" defaultValue={filters.operator ?? ''}>
          <option value="">Anyone</option>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.email}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action" htmlFor="f-action">
        <Select id="f-action" name="action" defaultValue={filters.action ?? ''}>
          <option value="">Any action</option>
          {Object.entries(AUDIT_ACTIONS).map(([name, label]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Object id" htmlFor="f-object">
        <Input id="f-object" name="object" placeholder="acct_… / op_…" defaultValue={filters.object ?? ''} className="w-48 font-mono" />
      </Field>
      <Field label="Outcome" htmlFor="f-outcome">
        <Select id="f-outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
          <option value="">Any outcome</option>
          <option value={OPEN_OUTCOMES_FILTER}>{OPEN_OUTCOMES_LABEL}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From (UTC)" htmlFor="f-from">
        <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} />
      </Field>
      <Field label="To (UTC)" htmlFor="f-to">
        <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} />
      </Field>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      <Link href="/audit" className="h-9 px-2 text-sm leading-9 text-neutral-600 hover:text-neutral-900">
        Clear
      </Link>
    </form>
  );
}
