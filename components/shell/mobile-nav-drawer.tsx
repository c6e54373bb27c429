'use client';
// The drawer of the small-screen navigation (see mobile-nav.tsx), loaded when first asked for so
// Radix's dialog is not part of every page's first load.
import { ThemeToggle } from '@/components/theme/theme-toggle';
import type { Theme } from '@/components/theme/theme';
import { Sheet, SheetContent } from '@/components/ui/sheet';
import type { NavItem } from '@/lib/auth/routes';
import { ConsoleNav } from './console-nav';

export function MobileNavDrawer({ items, theme, open, onOpenChange }: { items: NavItem[]; theme: Theme; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent title="Connect Console" description="Sections" side="left" testId="nav-drawer">
        <ConsoleNav items={items} testId="console-nav-drawer" onNavigate={() => onOpenChange(false)} />
        <div className="mt-4 flex items-center justify-between border-t border-neutral-200 pt-3 text-sm text-neutral-700">
          Theme
          <ThemeToggle initial={theme} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
