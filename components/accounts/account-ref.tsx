// A connected account in a list: its name (when known) above its id, both a link to its page.
import Link from 'next/link';

export function AccountRef({ id, name }: { id: string | null; name?: string }) {
  if (!id) return <span className="text-neutral-400">—</span>;
  return (
    <Link href={`/accounts/${encodeURIComponent(id)}`} className="group inline-flex min-w-0 flex-col leading-tight" data-testid="account-ref">
      {name ? <span className="max-w-56 truncate text-sm text-neutral-900 group-hover:underline" title={name}>{name}</span> : null}
      <span className={`font-mono text-[13px] ${name ? 'text-neutral-500' : 'text-brand-600 group-hover:underline'}`}>{id}</span>
    </Link>
  );
}
