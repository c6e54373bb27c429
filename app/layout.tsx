// The shell every page shares: the product header and the global styles.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Connect Console',
  description: 'Internal admin dashboard for our Stripe Connect platform.',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-neutral-200 bg-white">
          <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-6">
            <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
              C
            </span>
            <span className="text-base font-semibold tracking-tight text-neutral-900">Connect Console</span>
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
