'use client';
// Idle sessions: the session cookie lives for the idle timeout, and this renews it (through
// next-auth's session endpoint) only while the operator is actually using the page: a key, a
// click, a scroll or a navigation. With no activity it lapses; the next request meets the sign-in page.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function SessionKeepalive({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const lastPing = useRef(0);
  const lastActivity = useRef(0);

  // Renew at most a few times per idle period, and never more than once every 60 s.
  const intervalMs = Math.min(60_000, Math.max(1_000, (idleTimeoutSeconds * 1000) / 4));

  useEffect(() => {
    let cancelled = false;
    async function ping() {
      lastPing.current = Date.now();
      try {
        const res = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
        const body = res.ok ? ((await res.json()) as { operatorId?: string } | null) : null;
        if (!cancelled && !body?.operatorId) router.replace('/sign-in?reason=expired');
      } catch {
        // Offline for a moment: the next activity tries again.
      }
    }
    function onActivity() {
      lastActivity.current = Date.now();
      if (Date.now() - lastPing.current >= intervalMs) void ping();
    }
    onActivity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    // Once the idle time has passed with no activity, show the sign-in page rather than a stale screen.
    const watcher = window.setInterval(() => {
      if (Date.now() - lastActivity.current > idleTimeoutSeconds * 1000 + 1000) void ping();
    }, Math.max(1000, intervalMs));
    return () => {
      cancelled = true;
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      window.clearInterval(watcher);
    };
  }, [pathname, intervalMs, idleTimeoutSeconds, router]);

  return null;
}
