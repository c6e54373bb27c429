'use client';
// Edits one reversal's description and metadata, then Save (the key is made when editing starts
// and reused if Save is retried; a changed form is a new request).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionFailureBox } from '@/components/money/action-failure';
import { MetadataEditor } from '@/components/money/metadata-editor';
import { consoleMetadataRows, editableMetadataRows, type MetadataRow } from '@/lib/metadata';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { updateTransferReversal } from '@/lib/transfers/actions';
import { transferKeys } from '@/lib/transfers/keys';
import { updateReversalSchema } from '@/lib/transfers/schemas';

type Draft = { description: string; metadata: MetadataRow[] };

function draftOf(metadata: Record<string, string> | null): Draft {
  return { description: metadata?.description ?? '', metadata: editableMetadataRows(metadata).filter((r) => r.key !== 'description') };
}

export function ReversalEditForm({ transferId, reversalId, metadata }: { transferId: string; reversalId: string; metadata: Record<string, string> | null }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(draftOf(metadata));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useConfirmedAction(
    (p: Draft, idempotencyKey: string) => updateTransferReversal({ transferId, reversalId, description: p.description, metadata: p.metadata, idempotencyKey }),
    () => setSaved(true),
    () => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.detail(transferId) });
      void queryClient.invalidateQueries({ queryKey: transferKeys.reversal(reversalId) });
    },
  );
  if (!action.review) {
    return (
      <div className="flex items-center gap-3">
        <Button
          size="sm"
          onClick={() => {
            setDraft(draftOf(metadata));
            setSaved(false);
            action.open(draftOf(metadata));
          }}
          data-testid="reversal-edit"
        >
          Edit description and metadata
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
      data-testid="reversal-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = updateReversalSchema.safeParse({ transferId, reversalId, ...draft });
        if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
        setProblem(null);
        void action.confirm(draft);
      }}
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
        Description
        <Input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} disabled={action.pending} data-testid="reversal-description" />
      </label>
      <MetadataEditor rows={draft.metadata} onChange={(rows) => setDraft({ ...draft, metadata: rows })} disabled={action.pending} locked={consoleMetadataRows(metadata)} />
      {problem ? <p role="alert" className="text-sm text-mode-live-ink">{problem}</p> : null}
      {action.failure ? <ActionFailureBox failure={action.failure} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={action.pending} data-testid="reversal-save">
          {action.pending ? 'Saving…' : 'Save'}
        </Button>
        <Button size="sm" variant="ghost" onClick={action.back} disabled={action.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
