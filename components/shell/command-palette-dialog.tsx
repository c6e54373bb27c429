'use client';
// The command palette's dialog (components/shell/command-palette.tsx opens it): loaded the first
// time it is asked for, so the shell every page loads carries neither it nor Radix's dialog.
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { DialogContent, Dialog } from '@/components/ui/dialog';
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

export function CommandPaletteDialog({ sections, open, onOpenChange }: { sections: NavItem[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const choices = useMemo(() => choicesFor(query, sections), [query, sections]);

  function change(next: boolean) {
    onOpenChange(next);
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
