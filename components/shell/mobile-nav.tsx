'use client';
// The navigation on small screens: a menu button in the header opens the same section list in a
// drawer from the left (focus moves in, Escape or a tap outside closes it, focus returns to the
// button). Following a link closes it. From the `lg` breakpoint the sidebar shows instead. On a
// phone the drawer also holds the theme toggle, which the header has no room for.
import { Menu } from 'lucide-react';
import { useState } from 'react';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import type { Theme } from '@/components/theme/theme';
import { Sheet, SheetContent, SheetTrigger } from '@/components/ui/sheet';
import type { NavItem } from '@/lib/auth/routes';
import { ConsoleNav } from './console-nav';

export function MobileNav({ items, theme }: { items: NavItem[]; theme: Theme }) {
  const [open, setOpen] = useState(false);

  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger
        className="grid size-8 shrink-0 place-items-center rounded-md text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 lg:hidden"
        aria-label="Open the navigation"
        data-testid="nav-open"
      >
        <Menu aria-hidden className="size-5" />
      </SheetTrigger>
      <SheetContent title="Connect Console" description="Sections" side="left" testId="nav-drawer">
        <ConsoleNav items={items} testId="console-nav-drawer" onNavigate={() => setOpen(false)} />
        <div className="mt-4 flex items-center justify-between border-t border-neutral-200 pt-3 text-sm text-neutral-700">
          Theme
          <ThemeToggle initial={theme} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
