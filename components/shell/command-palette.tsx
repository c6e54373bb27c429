'use client';
// Ctrl/Cmd-K: paste or type an object id (acct_, tr_, trr_, fee_, fr_, tu_, ch_, issfr_, prv_) and
// jump to its page; or type a section name. Keyboard only: arrows, Enter, Escape.
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { OBJECT_ROUTES, objectRouteFor, type NavItem } from '@/lib/auth/routes';

type Choice = { key: string; label: string; hint: string; href: string };

function choicesFor(query: string, sections: NavItem[]): Choice[] {
  const text = query.trim();
  if (!text) return sections.map((item) => ({ key: item.href, label: item.label, hint: 'Section', href: item.href }));
  const target = objectRouteFor(text);
  if (target) return [{ key: target.href, label: target.id, hint: target.route.noun, href: target.href }];
  const lower = text.toLowerCase();
  return sections
    .filter((item) => item.label.toLowerCase().includes(lower))
    .map((item) => ({ key: item.href, label: item.label, hint: 'Section', href: item.href }));
}

export function CommandPalette({ sections }: { sections: NavItem[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const choices = useMemo(() => choicesFor(query, sections), [query, sections]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((value) => !value);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function change(next: boolean) {
    setOpen(next);
    if (!next) {
      setQuery('');
      setSelected(0);
    }
  }

  function go(choice: Choice | undefined) {
    if (!choice) return;
    change(false);
    router.push(choice.href);
  }

  const prefixes = OBJECT_ROUTES.map((route) => route.prefix).join(' ');

  return (
    <Dialog open={open} onOpenChange={change}>
      <button
        type="button"
        onClick={() => change(true)}
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
      <DialogContent title="Jump to" description={`Paste an object id (${prefixes}) or type a section.`}>
        <input
          autoFocus
          value={query}
          data-testid="command-palette-input"
          aria-label="Object id or section"
          aria-controls="command-palette-choices"
          aria-activedescendant={choices[selected] ? `choice-${selected}` : undefined}
          placeholder="acct_1Nv0FG…"
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setSelected((index) => Math.min(index + 1, choices.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setSelected((index) => Math.max(index - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              go(choices[selected]);
            }
          }}
          className="h-10 w-full rounded-md border border-neutral-300 bg-surface px-3 font-mono text-sm text-neutral-900 focus:border-brand-500 focus:outline-none"
        />
        <ul id="command-palette-choices" role="listbox" aria-label="Destinations" className="mt-2 max-h-72 overflow-auto">
          {choices.length === 0 ? (
            <li className="px-2 py-3 text-sm text-neutral-500">No section or id matches. Ids start with {prefixes}.</li>
          ) : (
            choices.map((choice, index) => (
              <li
                key={choice.key}
                id={`choice-${index}`}
                role="option"
                aria-selected={index === selected}
                onMouseEnter={() => setSelected(index)}
                onClick={() => go(choice)}
                className={`flex cursor-pointer items-center justify-between rounded-md px-2 py-2 text-sm ${
                  index === selected ? 'bg-brand-50 text-brand-700 dark:text-brand-100' : 'text-neutral-800'
                }`}
              >
                <span className="font-mono">{choice.label}</span>
                <span className="text-xs text-neutral-500">{choice.hint}</span>
              </li>
            ))
          )}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
