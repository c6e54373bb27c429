'use client';
// A metered subscription item's usage per billing period, read through
// /api/billing/subscription-items/:id/usage at the older API version that still has usage records,
// and saying so; when Stripe refuses that version's request (an item on billing meters), it says
// why in plain words instead. Takes { account, subscriptionItem }, so any billing page can show it;
// `children` (e.g. a form to report usage) goes under the table.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { usageQueries } from '@/lib/billing/usage/keys';
import { USAGE_VERSION_NOTE } from '@/lib/billing/usage/version';
import { formatTimestamp } from '@/lib/dates';
import { plural } from '@/lib/words';

export function UsageSection({ account, subscriptionItem, children }: { account: string; subscriptionItem: string; children?: ReactNode }) {
  const usage = useQuery(usageQueries.item(account, subscriptionItem));
  return (
    <section aria-label={`Usage of ${subscriptionItem}`} className="space-y-2 rounded-md border border-neutral-200 p-3" data-testid="usage-section">
      <h4 className="text-sm font-semibold text-neutral-900">
        Usage of <code className="font-mono text-[13px]">{subscriptionItem}</code>
      </h4>
      <p className="text-xs text-neutral-600" data-testid="usage-version-note">
        {USAGE_VERSION_NOTE}
      </p>
      {usage.isPending ? <p className="text-sm text-neutral-500">Reading usage…</p> : null}
      {usage.isError ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {usage.error.message}
        </p>
      ) : null}
      {usage.data?.status === 'refused' ? (
        <div role="status" className="space-y-1 text-sm text-neutral-700" data-testid="usage-refused">
          <p>{usage.data.message}</p>
          <p className="text-xs text-neutral-500">
            Stripe said: {usage.data.stripeMessage}
            {usage.data.requestId ? (
              <>
                {' '}
                (request <code className="font-mono">{usage.data.requestId}</code>)
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {usage.data?.status === 'read' ? (
        usage.data.summaries.length === 0 ? (
          <p className="text-sm text-neutral-600">No billing period yet.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Usage per period">
            <table className="w-full min-w-[28rem] text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">Period</th>
                  <th className="py-1 pr-3 text-right font-medium">Usage</th>
                  <th className="py-1 font-medium">Billed on</th>
                </tr>
              </thead>
              <tbody>
                {usage.data.summaries.map((s) => (
                  <tr key={s.id} className="border-t border-neutral-200" data-testid="usage-period">
                    <td className="py-1 pr-3 tabular-nums">
                      {s.period.start ? formatTimestamp(s.period.start) : '—'} → {s.period.end ? formatTimestamp(s.period.end) : '—'}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums" data-testid="usage-total">
                      {plural(s.total_usage, 'unit', 'units')}
                    </td>
                    <td className="py-1">
                      {s.invoice ? (
                        <code className="font-mono text-[13px]">{s.invoice}</code>
                      ) : (
                        <span className="text-neutral-600">current period, billed at its end</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {children}
    </section>
  );
}
