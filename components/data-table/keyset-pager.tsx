'use client';
// Previous / next buttons for a list read from the index by keyset (the accounts list, the risk
// queue, the Billing list): the list hands over the query of each neighbouring page and navigates
// itself, so the buttons wait while a page is on its way.
export function KeysetPager({
  page,
  pending,
  queryOf,
  onNavigate,
}: {
  page: { items: unknown[]; prev: string | null; next: string | null } | undefined;
  pending: boolean;
  /** The URL query of the page before (`before`) or after (`after`) a cursor. */
  queryOf: (cursor: { before: string } | { after: string }) => string;
  onNavigate: (query: string) => void;
}) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <button
        type="button"
        className="text-brand-600 hover:underline disabled:text-neutral-500 disabled:no-underline"
        disabled={!page?.prev || pending}
        onClick={() => page?.prev && onNavigate(queryOf({ before: page.prev }))}
        data-testid="page-prev"
      >
        ← Previous
      </button>
      <span className="text-neutral-500">{page ? `${page.items.length} on this page` : ''}</span>
      <button
        type="button"
        className="text-brand-600 hover:underline disabled:text-neutral-500 disabled:no-underline"
        disabled={!page?.next || pending}
        onClick={() => page?.next && onNavigate(queryOf({ after: page.next }))}
        data-testid="page-next"
      >
        Next →
      </button>
    </nav>
  );
}
