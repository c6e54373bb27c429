// 403: signed in, but the role does not allow this page.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold text-mode-live-ink">403</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900">Your role does not allow this page</h1>
      <p className="mt-2 text-sm text-neutral-600">Ask an admin on the Team page if your work needs it.</p>
      <Link href="/" className="mt-6 inline-block text-sm text-brand-600 hover:underline">
        Back to the overview
      </Link>
    </main>
  );
}
