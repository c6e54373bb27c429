// The label / value grid at the top of a money object's page.
import type { ReactNode } from 'react';

export function FactList({ facts }: { facts: Array<{ label: string; value: ReactNode; testId?: string }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-neutral-200 bg-surface p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {facts.map((fact) => (
        <div key={fact.label} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{fact.label}</dt>
          <dd className="mt-0.5 truncate text-neutral-900" data-testid={fact.testId}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function IdText({ id }: { id: string | null | undefined }) {
  return id ? <code className="font-mono text-[13px]">{id}</code> : <span className="text-neutral-500">—</span>;
}
