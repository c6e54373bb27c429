'use client';
// The navigation's count of pending approval requests this operator may decide
// (GET /api/approvals/count), read on mount, every 30 s while the tab is visible, and at once when
// a request is made or decided in this tab (APPROVALS_CHANGED); nothing when none.
import { useEffect, useState } from 'react';

const EVERY_MS = 30_000;

/** Dispatched on `window` by the approval screens after a request is made, decided or cancelled. */
export const APPROVALS_CHANGED = 'approvals-changed';

export function ApprovalsCount() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const read = () => {
      if (document.visibilityState !== 'visible') return;
      fetch('/api/approvals/count', { headers: { accept: 'application/json' }, cache: 'no-store' })
        .then((res) => (res.ok ? (res.json() as Promise<{ count: number }>) : null))
        .then((body) => {
          if (alive && body) setCount(body.count);
        })
        .catch(() => {});
    };
    read();
    const timer = setInterval(read, EVERY_MS);
    window.addEventListener(APPROVALS_CHANGED, read);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener(APPROVALS_CHANGED, read);
    };
  }, []);
  if (count === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-brand-solid px-1.5 text-xs font-medium tabular-nums text-white" data-testid="approvals-count">
      {count}
      <span className="sr-only"> waiting for your approval</span>
    </span>
  );
}
