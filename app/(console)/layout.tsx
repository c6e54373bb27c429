// The console shell behind sign-in: navigation for what the role may open, the backend mode on
// every screen (live in red), the operator and role, sign-out, the command palette and the
// idle-session keepalive. Each page still checks its own permission.
import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LiveModeBanner, ModeBadge } from '@/components/mode-badge';
import { QueryProvider } from '@/components/providers/query-provider';
import { BackendBanner } from '@/components/shell/backend-banner';
import { CommandPalette } from '@/components/shell/command-palette';
import { ConsoleNav } from '@/components/shell/console-nav';
import { MobileNav } from '@/components/shell/mobile-nav';
import { OperatorMenu } from '@/components/shell/operator-menu';
import { SessionKeepalive } from '@/components/shell/session-keepalive';
import { parseTheme, THEME_COOKIE } from '@/components/theme/theme';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { requireOperator } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { NAV_ITEMS } from '@/lib/auth/routes';
import { getEnv } from '@/lib/env';
import { ensureReconciler } from '@/lib/outcomes/background';
import { stripeMode } from '@/lib/stripe/client';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  // The first console page served starts this process's reconciler (open outcomes, every minute).
  ensureReconciler();
  const mode = stripeMode();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const items = NAV_ITEMS.filter((item) => can(operator.role, item.permission));
  const overview = { href: '/', label: 'Overview', permission: 'accounts.read' as const };
  const navItems = can(operator.role, overview.permission) ? [overview, ...items] : items;

  return (
    <div className="flex min-h-screen flex-col" data-mode={mode}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      {mode === 'live' ? <LiveModeBanner /> : null}
      <BackendBanner />
      <header className={`border-b bg-surface ${mode === 'live' ? 'border-mode-live border-b-2' : 'border-neutral-200'}`}>
        <div className="flex h-14 items-center gap-1.5 px-3 sm:gap-3 sm:px-4">
          <MobileNav items={navItems} theme={theme} />
          <Link href="/" className="flex shrink-0 items-center gap-2.5">
            <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-solid text-sm font-bold text-white">
              C
            </span>
            <span className="sr-only text-base font-semibold tracking-tight text-neutral-900 sm:not-sr-only">
              Connect Console
            </span>
          </Link>
          <ModeBadge mode={mode} />
          <div className="flex min-w-0 flex-1 justify-end sm:justify-center">
            <CommandPalette sections={navItems} />
          </div>
          {/* On a phone the theme toggle lives in the navigation drawer, to leave room for Sign out. */}
          <div className="hidden sm:block">
            <ThemeToggle initial={theme} />
          </div>
          <OperatorMenu name={operator.name} email={operator.email} role={operator.role} />
        </div>
      </header>
      <div className="flex min-w-0 flex-1">
        <aside className="hidden w-52 shrink-0 border-r border-neutral-200 bg-surface p-3 lg:block">
          <ConsoleNav items={navItems} />
        </aside>
        <div id="main" className="min-w-0 flex-1">
          <QueryProvider>{children}</QueryProvider>
        </div>
      </div>
      <SessionKeepalive idleTimeoutSeconds={getEnv().auth.idleTimeoutSeconds} />
    </div>
  );
}
