'use client';
// The section list (the sidebar, and the drawer on small screens): only the sections the operator's role may open (the server re-checks every one).
import clsx from 'clsx';
import { ArrowLeftRight, Banknote, Building2, CalendarClock, DatabaseZap, LayoutDashboard, type LucideIcon, Receipt, ScrollText, ShieldAlert, Stamp, Users, Wallet } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/auth/routes';
import { RiskWaitingCount } from './risk-waiting-count';
import { ApprovalsCount } from './approvals-count';

const ICONS: Record<string, LucideIcon> = {
  '/': LayoutDashboard,
  '/accounts': Building2,
  '/transfers': ArrowLeftRight,
  '/application-fees': Receipt,
  '/topups': Wallet,
  '/payouts': Banknote,
  '/billing': CalendarClock,
  '/risk': ShieldAlert,
  '/approvals': Stamp,
  '/audit': ScrollText,
  '/team': Users,
  '/data-sync': DatabaseZap,
};

export function ConsoleNav({ items, testId = 'console-nav', onNavigate }: { items: NavItem[]; testId?: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" data-testid={testId}>
      <ul className="space-y-0.5">
        {items.map((item) => {
          const Icon = ICONS[item.href] ?? LayoutDashboard;
          const active = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                className={clsx(
                  'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm',
                  active ? 'bg-brand-50 font-medium text-brand-700 dark:text-brand-100' : 'text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900',
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {item.label}
                {item.href === '/risk' ? <RiskWaitingCount /> : null}
                {item.href === '/approvals' ? <ApprovalsCount /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
