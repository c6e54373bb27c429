'use client';
// Ctrl/Cmd-K: paste or type an object id (acct_, tr_, trr_, fee_, fr_, tu_, ch_, issfr_, prv_) and
// jump to its page; or type a section name. Keyboard only: arrows, Enter, Escape.
import { Search } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import type { NavItem } from '@/lib/auth/routes';

// The dialog (and Radix's) is fetched when the pointer or focus reaches the button, or at the
// first Ctrl-K: not part of every page's first load.
const loadDialog = () => import('./command-palette-dialog');
const CommandPaletteDialog = dynamic(() => loadDialog().then((m) => m.CommandPaletteDialog), { ssr: false });

export function CommandPalette({ sections }: { sections: NavItem[] }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first time it is asked for, then kept (Radix animates and restores focus).
  const [wanted, setWanted] = useState(false);
  const show = (next: boolean) => {
    setWanted(true);
    setOpen(next);
  };

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setWanted(true);
        setOpen((value) => !value);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => show(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        data-testid="command-palette-open"
        title="Jump to an id or a section (Ctrl K)"
        className="flex size-8 shrink-0 items-center justify-center gap-2 rounded-md border border-neutral-300 bg-surface text-sm text-neutral-600 hover:border-neutral-400 sm:w-full sm:max-w-xs sm:justify-start sm:px-2.5"
      >
        <Search aria-hidden className="size-4 shrink-0" />
        <span className="sr-only flex-1 text-left sm:not-sr-only">Jump to an id…</span>
        <kbd aria-hidden className="hidden rounded border border-neutral-300 px-1 font-mono text-[10px] text-neutral-600 md:inline">
          Ctrl K
        </kbd>
      </button>
      {wanted ? <CommandPaletteDialog sections={sections} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
