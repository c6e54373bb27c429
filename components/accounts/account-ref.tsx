// A connected account in a list: its name (when known) above its id, both a link to its page (or
// to another page about it, such as its risk case). Tables of index rows show the id smaller
// (`dense`) and narrow the link with `className`.
import clsx from 'clsx';
import Link from 'next/link';

export function AccountRef({
  id,
  name,
  href,
  className = 'min-w-0',
  dense = false,
  prefetch,
  testId = 'account-ref',
}: {
  id: string | null;
  name?: string | null;
  /** Where the link goes; the account's page unless set. */
  href?: string;
  /** The link's width. */
  className?: string;
  dense?: boolean;
  prefetch?: false;
  testId?: string;
}) {
  if (!id) return <span className="text-neutral-400">—</span>;
  return (
    <Link href={href ?? `/accounts/${encodeURIComponent(id)}`} prefetch={prefetch} className={clsx('group inline-flex flex-col leading-tight', className)} data-testid={testId}>
      {name ? <span className="max-w-56 truncate text-sm text-neutral-900 group-hover:underline" title={name}>{name}</span> : null}
      <span className={`font-mono ${dense ? 'text-xs' : 'text-[13px]'} ${name ? 'text-neutral-500' : 'text-brand-600 group-hover:underline'}`}>{id}</span>
    </Link>
  );
}
