// The document every page shares: global styles and the chosen colour theme (from a cookie, so
// the first paint is already right and no inline script is needed under the CSP).
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { parseTheme, THEME_COOKIE } from '@/components/theme/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Connect Console', template: '%s · Connect Console' },
  description: 'Internal admin dashboard for our Stripe Connect platform.',
  icons: { icon: '/favicon.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
