// Placeholder for a console section a later issue builds. It is already behind sign-in and its
// permission, so the navigation, the palette and the permission tests cover it today.
import { Construction } from 'lucide-react';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/shell/page-header';

export function ComingSoon({ title, what, children }: { title: string; what: string; children?: ReactNode }) {
  return (
    <main className="mx-auto max-w-6xl px-6 py-8" data-testid="coming-soon">
      <PageHeader title={title} />
      <div className="mt-6 flex items-start gap-3 rounded-lg border border-dashed border-neutral-300 bg-surface p-5">
        <Construction aria-hidden className="mt-0.5 size-5 shrink-0 text-neutral-400" />
        <div>
          <p className="text-sm font-medium text-neutral-800">Coming in a later issue</p>
          <p className="mt-1 text-sm text-neutral-600">{what}</p>
        </div>
      </div>
      {children}
    </main>
  );
}
