// The Audit page's chain check: the whole log, read in id order, checked against its hash chain
// on every visit (streamed, so the table does not wait for it). A break names the first entry.
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { CopyButton } from '@/components/ui/copy-button';
import { verifyAuditChain } from '@/lib/audit/store';
import { getDb } from '@/lib/db/client';
import { plural } from '@/lib/words';

const GAPS_NOTE = 'Entry ids may skip (PostgreSQL sets ids aside and drops them on a restart): the chain, not the numbering, is the evidence that nothing was removed.';

export async function ChainStatus() {
  const report = await verifyAuditChain(await getDb());
  const [first, ...more] = report.breaks;
  if (first) {
    return (
      <div role="alert" data-testid="audit-chain" data-state="broken" className="flex gap-3 rounded-lg border border-mode-live/30 bg-mode-live-soft p-4 text-sm text-mode-live-ink">
        <ShieldAlert aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div className="space-y-1">
          <p className="font-semibold">The audit chain is broken at entry {first.id}.</p>
          <p>
            {first.message}
            {more.length > 0 ? ` And ${plural(more.length, 'more break', 'more breaks')}: npm run audit:verify lists them.` : ''}
          </p>
          <p className="text-xs">{GAPS_NOTE}</p>
        </div>
      </div>
    );
  }
  return (
    <div role="status" data-testid="audit-chain" data-state="verified" className="flex items-start gap-3 rounded-lg border border-neutral-200 bg-surface p-3 text-sm text-neutral-700">
      <ShieldCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600 dark:text-emerald-300" />
      <div className="min-w-0 space-y-0.5">
        <p>
          <span className="font-medium text-neutral-900">
            Chain verified: {plural(report.checked, 'entry', 'entries')}
          </span>
          {report.head ? (
            <>
              , head{' '}
              <code className="font-mono text-xs" title={report.head} data-testid="audit-chain-head">
                {report.head.slice(0, 16)}…
              </code>
              <span className="-my-1 inline-block align-middle">
                <CopyButton value={report.head} label="Copy the head hash" />
              </span>
            </>
          ) : null}
        </p>
        <p className="text-xs text-neutral-500">{GAPS_NOTE}</p>
      </div>
    </div>
  );
}

export function ChainStatusPending() {
  return (
    <div role="status" data-testid="audit-chain-pending" data-state="checking" className="rounded-lg border border-neutral-200 bg-surface p-3 text-sm text-neutral-500">
      Checking the audit chain…
    </div>
  );
}
