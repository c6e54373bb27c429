'use client';
// How fresh the console's index is, on every page that reads it: "Index updated 3 s ago", and
// the plain warnings (backfill still running, no webhook yet). Ticks every second.
import { useEffect, useState } from 'react';
import { freshnessWords, type IndexFreshness } from '@/lib/lists/freshness';

export function FreshnessLine({ freshness }: { freshness: IndexFreshness | undefined }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the clock starts after hydration (the server's time would differ)
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!freshness) return null;
  const words = freshnessWords(freshness, now ?? (freshness.lastSyncedAt ? Date.parse(freshness.lastSyncedAt) : 0));
  return (
    <div className="space-y-1 text-sm" data-testid="index-freshness">
      <p className="text-neutral-600" data-testid="freshness-line">
        {words.line}
      </p>
      {words.warnings.map((warning) => (
        <p key={warning} role="status" className="rounded-md border border-mode-test/30 bg-mode-test-soft px-3 py-1.5 text-mode-test-ink" data-testid="freshness-warning">
          {warning}
        </p>
      ))}
    </div>
  );
}
