'use client';
// The number of accounts waiting for a risk decision, beside Risk in the navigation: read from
// /api/risk/queue/waiting when the navigation mounts, then every 15 s (the navigation sits outside
// the pages' React Query cache, like the backend banner). Nothing is shown while none wait.
import { useEffect, useState } from 'react';
import { WAITING_REFRESH_MS } from '@/lib/risk/keys';
import { nounFor } from '@/lib/words';

export function RiskWaitingCount() {
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      try {
        const res = await fetch('/api/risk/queue/waiting', { cache: 'no-store', credentials: 'same-origin' });
        if (res.ok && !cancelled) setWaiting(((await res.json()) as { waiting: number }).waiting);
      } catch {
        // The console did not answer: keep the last count and ask again.
      }
    };
    void read();
    const timer = window.setInterval(read, WAITING_REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);
  if (!waiting) return null;
  return (
    <span className="ml-auto rounded-full bg-mode-live-soft px-1.5 text-xs font-medium tabular-nums text-mode-live-ink" data-testid="risk-waiting-count">
      {waiting.toLocaleString('en-US')}
      <span className="sr-only"> {nounFor(waiting, 'account waits', 'accounts wait')} for a decision</span>
    </span>
  );
}
