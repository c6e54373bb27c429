// Newer / older links for a cursor-paginated list: the cursors are Stripe ids in the URL, so every
// page can be shared and reloaded. Server- and client-safe (plain links).
import Link from 'next/link';

export function CursorPager({ newerHref, olderHref, summary, testId }: { newerHref: string | null; olderHref: string | null; summary: string; testId?: string }) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm" data-testid={testId}>
      {newerHref ? (
        <Link href={newerHref} className="text-brand-600 hover:underline" data-testid="page-newer">
          ← Newer
        </Link>
      ) : (
        <span className="text-neutral-400">← Newer</span>
      )}
      <span className="text-neutral-500">{summary}</span>
      {olderHref ? (
        <Link href={olderHref} className="text-brand-600 hover:underline" data-testid="page-older">
          Older →
        </Link>
      ) : (
        <span className="text-neutral-400">Older →</span>
      )}
    </nav>
  );
}
