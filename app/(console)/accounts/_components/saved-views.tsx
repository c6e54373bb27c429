'use client';
// The accounts list's saved views: a menu of the operator's own views and the team's (a view opens
// the list with its filters), a form to save the current view under a name, for oneself or the
// team, and Delete on one's own. The same zod schema checks the name here and in the action.
import { Bookmark, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { newIdempotencyKey } from '@/lib/actions/result';
import { deleteViewAction, saveViewAction } from '@/lib/saved-views/actions';
import { saveViewSchema } from '@/lib/saved-views/schemas';
import type { SavedView } from '@/lib/saved-views/store';

export function SavedViews({ views, query }: { views: SavedView[]; query: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { list: 'accounts' as const, name, shared, query };
    const checked = saveViewSchema.safeParse(input);
    if (!checked.success) {
      setMessage({ ok: false, text: checked.error.issues[0]?.message ?? 'Check the name.' });
      return;
    }
    startTransition(async () => {
      const result = await saveViewAction({ ...input, idempotencyKey: newIdempotencyKey() });
      if (result.ok) {
        setMessage({ ok: true, text: `Saved “${result.data.name}”.` });
        setName('');
        router.refresh();
      } else setMessage({ ok: false, text: result.fieldErrors?.name?.[0] ?? result.error });
    });
  }

  function remove(view: SavedView) {
    startTransition(async () => {
      const result = await deleteViewAction({ viewId: view.id, idempotencyKey: newIdempotencyKey() });
      setMessage(result.ok ? { ok: true, text: `Deleted “${view.name}”.` } : { ok: false, text: result.error });
      router.refresh();
    });
  }

  return (
    <div className="relative">
      <Button onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="saved-views-menu" data-testid="views-open" className="whitespace-nowrap">
        <Bookmark aria-hidden className="size-4" /> Views{views.length ? ` (${views.length})` : ''}
      </Button>
      {open ? (
        <div
          id="saved-views-menu"
          className="absolute right-0 z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-neutral-200 bg-surface p-3 shadow-lg"
          data-testid="views-menu"
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        >
          {views.length > 0 ? (
            <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="Saved views">
              {views.map((view) => (
                <li key={view.id} className="flex items-center justify-between gap-2" data-testid="saved-view">
                  <Link href={`/accounts${view.query}`} onClick={() => setOpen(false)} className="min-w-0 flex-1 truncate text-sm text-brand-600 hover:underline" data-testid="saved-view-open">
                    {view.name}
                    <span className="ml-1 text-xs text-neutral-500">{view.mine ? (view.shared ? '(team, yours)' : '(yours)') : `(team, by ${view.owner})`}</span>
                  </Link>
                  {view.mine ? (
                    <button type="button" onClick={() => remove(view)} disabled={pending} className="rounded p-1 text-neutral-500 hover:text-mode-live-ink" aria-label={`Delete the view ${view.name}`} data-testid="saved-view-delete">
                      <Trash2 aria-hidden className="size-4" />
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-neutral-600">No saved views yet.</p>
          )}
          <form onSubmit={save} className="space-y-2 border-t border-neutral-200 pt-3" data-testid="view-save-form">
            <label htmlFor="view-name" className="text-xs font-medium text-neutral-600">
              Save the current filters as
            </label>
            <Input id="view-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="US past due" className="w-full" data-testid="view-name" />
            <label className="flex items-center gap-2 text-sm text-neutral-700">
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="view-shared" />
              Share with the team
            </label>
            <Button type="submit" variant="primary" disabled={pending} data-testid="view-save">
              {pending ? 'Saving…' : 'Save view'}
            </Button>
          </form>
          {message ? (
            <p role={message.ok ? 'status' : 'alert'} className={`text-xs ${message.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-mode-live-ink'}`} data-testid="view-message">
              {message.text}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
