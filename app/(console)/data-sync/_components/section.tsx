// The Data sync page's building blocks: a titled section with an action, a labelled figure, and
// the page's number and time words.
import { ago } from '@/lib/lists/freshness';

export const n = (value: number) => value.toLocaleString('en-US');
export const when = (date: Date | null, now: number) => (date ? `${ago(now - date.getTime())} ago (${date.toISOString().replace('T', ' ').slice(0, 19)} UTC)` : '—');
export const TONE: Record<string, 'good' | 'warn' | 'bad' | 'neutral'> = { done: 'good', running: 'warn', requested: 'warn', failed: 'bad', stopped: 'bad' };

export function Section({ title, children, testId, action }: { title: string; children: React.ReactNode; testId: string; action?: React.ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-base font-semibold text-neutral-900">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="text-sm font-medium tabular-nums text-neutral-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
