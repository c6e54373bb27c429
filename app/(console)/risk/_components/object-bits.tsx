// Small pieces the risk object pages share: an id that links where the role may go, the
// connected account a Radar object concerns (its page and its risk case), a section, the
// loading and failure lines. Client-safe.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { IdText } from '@/components/money/fact-list';
import type { ObjectPlace } from '@/lib/risk/object-keys';

export function IdLink({ id, href, testId }: { id: string | null; href: string | null; testId?: string }) {
  if (!id || !href) return <IdText id={id} />;
  return (
    <Link href={href} className="font-mono text-[13px] text-brand-600 hover:underline" data-testid={testId}>
      {id}
    </Link>
  );
}

/** The account a risk object concerns, with links to its page (accounts.read) and its risk case. */
export function AccountLinks({ place, canOpenAccount }: { place: ObjectPlace; canOpenAccount: boolean }) {
  if (!place.accountId) return <span className="text-neutral-500">None: the platform’s own</span>;
  const id = encodeURIComponent(place.accountId);
  return (
    <span className="flex flex-wrap items-baseline gap-x-2 whitespace-normal">
      {place.accountName ? <span>{place.accountName}</span> : null}
      <IdLink id={place.accountId} href={canOpenAccount ? `/accounts/${id}` : null} testId="object-account" />
      <Link href={`/risk/accounts/${id}`} className="text-xs text-brand-600 hover:underline" data-testid="object-case">
        risk case
      </Link>
    </span>
  );
}

export function ObjectSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2" data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-neutral-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Before the cache has the object (it was prefetched, so only after a failed refresh with nothing kept). */
export function NotRead({ what, error }: { what: string; error: Error | null }) {
  return error ? (
    <p role="alert" className="text-sm text-mode-live-ink">
      The {what} could not be read: {error.message}
    </p>
  ) : (
    <p className="text-sm text-neutral-500">Loading…</p>
  );
}
