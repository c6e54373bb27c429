'use client';
// Shown while the console finds out what became of a request whose answer was lost: what may have
// happened, that it is being checked, and the audit entry to quote. No way back from here: going
// back would start a second request.
import { LoaderCircle } from 'lucide-react';
import type { Checking } from '@/components/outcomes/use-request-follow';

export function OutcomeChecking({ checking }: { checking: Checking }) {
  return (
    <div role="status" aria-live="polite" data-testid="outcome-checking" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 [overflow-wrap:anywhere] dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="flex items-start gap-2 font-medium">
        <LoaderCircle aria-hidden className="mt-0.5 size-4 shrink-0 animate-spin motion-reduce:animate-none" />
        <span>Outcome unknown: checking.</span>
      </p>
      <p className="mt-1">{checking.message}</p>
      {checking.note ? <p className="mt-1 text-xs opacity-80">{checking.note}</p> : null}
      {checking.auditId !== null ? (
        <p className="mt-1 text-xs opacity-80">
          Audit entry <span className="font-mono" data-testid="outcome-checking-audit">#{checking.auditId}</span>
        </p>
      ) : null}
    </div>
  );
}
