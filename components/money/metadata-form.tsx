'use client';
// The one metadata form of a money object (a fee refund, a reversal): an Edit button, then the
// metadata editor (and any extra fields of the object, e.g. a description) with Save and Cancel.
// The idempotency key is made when editing starts and reused if Save is retried; a changed form
// after a send is a new request (see useConfirmedAction).
import { useState, type ReactNode } from 'react';
import { ActionState } from '@/components/money/action-state';
import { MetadataEditor } from '@/components/money/metadata-editor';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import type { MetadataRow } from '@/lib/metadata';

export type MetadataDraft = { metadata: MetadataRow[] };

export function MetadataForm<D extends MetadataDraft>({
  initial,
  locked,
  check,
  save,
  onSettled,
  extraFields,
  editLabel,
  saveLabel,
  testIds,
}: {
  /** The draft to start from, made when editing starts. */
  initial: () => D;
  /** The console's own keys, shown read-only. */
  locked: MetadataRow[];
  /** The form schema's verdict: the first problem in words, or null. */
  check: (draft: D) => string | null;
  save: (draft: D, idempotencyKey: string) => Promise<ActionResult<unknown>>;
  onSettled: () => void;
  extraFields?: (draft: D, setDraft: (draft: D) => void, disabled: boolean) => ReactNode;
  editLabel: string;
  saveLabel: string;
  testIds: { edit: string; form: string; save: string };
}) {
  const [draft, setDraft] = useState<D>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useConfirmedAction(save, { onDone: () => setSaved(true), onSettled });

  if (!action.review) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          onClick={() => {
            const start = initial();
            setDraft(start);
            setSaved(false);
            setProblem(null);
            action.open(start);
          }}
          data-testid={testIds.edit}
        >
          {editLabel}
        </Button>
        {saved ? (
          <span className="text-sm text-emerald-700 dark:text-emerald-300" role="status">
            Saved.
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="space-y-2 rounded-md border border-neutral-200 p-3"
      data-testid={testIds.form}
      onSubmit={(e) => {
        e.preventDefault();
        const found = check(draft);
        setProblem(found);
        if (!found) void action.confirm(draft);
      }}
    >
      {extraFields?.(draft, setDraft, action.pending)}
      <MetadataEditor rows={draft.metadata} onChange={(metadata) => setDraft({ ...draft, metadata })} disabled={action.pending} locked={locked} />
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {problem}
        </p>
      ) : null}
      <ActionState checking={action.checking} failure={action.failure} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={action.pending} data-testid={testIds.save}>
          {action.pending ? 'Saving…' : action.checking ? 'Send the same request again' : saveLabel}
        </Button>
        {action.checking ? null : (
          <Button size="sm" variant="ghost" onClick={action.back} disabled={action.pending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
