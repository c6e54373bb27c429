'use client';
// A case's notes, oldest first as a conversation reads, each with its author and time; those who
// decide add one below. Notes are append-only: there is no edit or delete, here or in the database.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionState } from '@/components/money/action-state';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { invalidateViews } from '@/lib/accounts/keys';
import { addCaseNoteAction } from '@/lib/risk/actions';
import { caseInvalidations } from '@/lib/risk/case-keys';
import type { CaseNoteView } from '@/lib/risk/case-view';
import { addNoteSchema, NOTE_MAX } from '@/lib/risk/schemas';

export function NoteList({ notes, testId = 'case-notes' }: { notes: CaseNoteView[]; testId?: string }) {
  if (notes.length === 0) return <p className="text-sm text-neutral-500">No notes yet.</p>;
  return (
    <ol className="space-y-3" data-testid={testId}>
      {notes.map((n) => (
        <li key={n.id} className="rounded-md border border-neutral-200 px-3 py-2" data-testid="case-note">
          <p className="whitespace-pre-wrap text-sm text-neutral-900 [overflow-wrap:anywhere]">{n.body}</p>
          <p className="mt-1 text-xs text-neutral-500">
            {n.author.name} · <time dateTime={n.createdAt}>{n.createdAt.replace('T', ' ').slice(0, 16)} UTC</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

export function AddNote({ accountId, caseId }: { accountId: string; caseId: string }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const action = useConfirmedAction((p: { caseId: string; body: string }, idempotencyKey: string) => addCaseNoteAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, caseInvalidations.note(accountId)),
    onDone: () => setBody(''),
  });
  const parsed = addNoteSchema.safeParse({ caseId, body });
  return (
    <form
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!parsed.success) return;
        // The key is made when the note is first sent, and kept for a retry of the same text.
        await (action.key ? action.confirm({ caseId, body }) : action.start({ caseId, body }));
      }}
    >
      <label htmlFor="case-note-body" className="text-xs font-medium text-neutral-700">
        Add a note (plain text; notes cannot be changed later)
      </label>
      <Textarea id="case-note-body" value={body} maxLength={NOTE_MAX} onChange={(e) => setBody(e.target.value)} rows={3} data-testid="case-note-body" />
      <ActionState checking={action.checking} failure={action.failure} />
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={!parsed.success || action.pending} data-testid="case-note-submit">
          {action.pending ? 'Adding…' : 'Add note'}
        </Button>
      </div>
    </form>
  );
}
