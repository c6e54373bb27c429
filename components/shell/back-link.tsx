// The way back from a detail page to its list, above the page's title.
import Link from 'next/link';

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <nav className="text-sm">
      <Link href={href} className="text-brand-600 hover:underline">
        ← {label}
      </Link>
    </nav>
  );
}
