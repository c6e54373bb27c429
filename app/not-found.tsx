// 404 for unknown pages and malformed object ids.
import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-neutral-500">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900">Nothing here</h1>
      <p className="mt-2 text-sm text-neutral-600">The page or object id does not exist.</p>
      <Link href="/" className="mt-6 inline-block text-sm text-brand-600 hover:underline">
        Back to the overview
      </Link>
    </main>
  );
}
