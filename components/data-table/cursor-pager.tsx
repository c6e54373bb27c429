// Newer / older links for a cursor-paginated list: the cursors are Stripe ids in the URL, so every
// page can be shared and reloaded. Server- and client-safe (plain links).
import Link from 'next/link';

export function CursorPager({ newerHref, olderHref, summary, testId }: { newerHref: string | null; olderHref: string | null; summary: string; testId?: string }) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm" data-testid={testId}>
      {newerHref ? (
        <Link href={newerHref} className="text-brand-600 hover:underline" data-testid="page-newer">
          ← Newer
        </Link>
      ) : (
        <span aria-disabled="true" className="text-neutral-500">← Newer</span>
      )}
      <span className="text-center text-neutral-600">{summary}</span>
      {olderHref ? (
        <Link href={olderHref} className="text-brand-600 hover:underline" data-testid="page-older">
          Older →
        </Link>
      ) : (
        <span aria-disabled="true" className="text-neutral-500">Older →</span>
      )}
    </nav>
  );
}
