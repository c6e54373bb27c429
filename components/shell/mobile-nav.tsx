'use client';
// The navigation on small screens: a menu button in the header opens the same section list in a
// drawer from the left (focus moves in, Escape or a tap outside closes it, focus returns to the
// button). Following a link closes it. From the `lg` breakpoint the sidebar shows instead. On a
// phone the drawer also holds the theme toggle, which the header has no room for. The drawer's
// code (and Radix's) is fetched when the pointer or focus reaches the button, as the command
// palette's is: not part of every page's first load.
import { Menu } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { useFocusBackOnClose } from './use-focus-back';
import type { Theme } from '@/components/theme/theme';
import type { NavItem } from '@/lib/auth/routes';

const loadDrawer = () => import('./mobile-nav-drawer');
const MobileNavDrawer = dynamic(() => loadDrawer().then((m) => m.MobileNavDrawer), { ssr: false });

export function MobileNav({ items, theme }: { items: NavItem[]; theme: Theme }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first time it is asked for, then kept (Radix restores focus on close).
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useFocusBackOnClose(open, button);

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="grid size-8 shrink-0 place-items-center rounded-md text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 lg:hidden"
        aria-label="Open the navigation"
        data-testid="nav-open"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      {wanted ? <MobileNavDrawer items={items} theme={theme} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
