'use client';
// The shell's "Stripe backend not answering" banner in the browser: starts from the server's
// answer, then asks /api/backend again (every 15 s while the backend answers, every 5 s while it
// does not), so it appears and clears without a reload, on every page.
import { useEffect, useState } from 'react';
import { backendDownWords, type BackendStatus } from '@/lib/stripe/backend-status';

const POLL_MS = { up: 15_000, down: 5_000 };

export function BackendBannerLive({ initial }: { initial: BackendStatus }) {
  const [status, setStatus] = useState(initial);

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      try {
        const res = await fetch('/api/backend', { cache: 'no-store', credentials: 'same-origin' });
        if (res.ok && !cancelled) setStatus((await res.json()) as BackendStatus);
        else if (!cancelled) setStatus((s) => ({ ...s, checkedAt: Date.now() }));
      } catch {
        // The console itself did not answer: keep what we know and ask again.
        if (!cancelled) setStatus((s) => ({ ...s, checkedAt: Date.now() }));
      }
    }, status.reachable ? POLL_MS.up : POLL_MS.down);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [status]);

  const words = backendDownWords(status);
  if (!words) return null;
  return (
    <div role="alert" data-testid="backend-banner" data-backend={status.backend} className="border-b border-mode-test/40 bg-mode-test-soft px-4 py-2.5 text-sm text-mode-test-ink">
      <p>
        <strong className="font-semibold">{words.title}</strong> {words.body}
      </p>
      <p className="mt-0.5">{words.action}</p>
    </div>
  );
}
