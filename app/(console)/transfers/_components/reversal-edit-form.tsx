'use client';
// Edits one reversal's description and metadata (the shared MetadataForm, with a description
// field; the reversal keeps its description in its metadata too, so that key is not a row).
import { useQueryClient } from '@tanstack/react-query';
import { MetadataForm } from '@/components/money/metadata-form';
import { Input } from '@/components/ui/input';
import { consoleMetadataRows, editableMetadataRows, type MetadataRow } from '@/lib/metadata';
import { updateTransferReversal } from '@/lib/transfers/actions';
import { transferKeys } from '@/lib/transfers/keys';
import { updateReversalSchema } from '@/lib/transfers/schemas';

type Draft = { description: string; metadata: MetadataRow[] };

function draftOf(metadata: Record<string, string> | null): Draft {
  return { description: metadata?.description ?? '', metadata: editableMetadataRows(metadata).filter((r) => r.key !== 'description') };
}

export function ReversalEditForm({ transferId, reversalId, metadata }: { transferId: string; reversalId: string; metadata: Record<string, string> | null }) {
  const queryClient = useQueryClient();
  return (
    <MetadataForm<Draft>
      initial={() => draftOf(metadata)}
      locked={consoleMetadataRows(metadata)}
      check={(draft) => {
        const checked = updateReversalSchema.safeParse({ transferId, reversalId, ...draft });
        return checked.success ? null : (checked.error.issues[0]?.message ?? 'Check the form.');
      }}
      save={(draft, idempotencyKey) => updateTransferReversal({ transferId, reversalId, description: draft.description, metadata: draft.metadata, idempotencyKey })}
      onSettled={() => {
        void queryClient.invalidateQueries({ queryKey: transferKeys.detail(transferId) });
        void queryClient.invalidateQueries({ queryKey: transferKeys.reversal(reversalId) });
      }}
      extraFields={(draft, setDraft, disabled) => (
        <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Description
          <Input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} disabled={disabled} data-testid="reversal-description" />
        </label>
      )}
      editLabel="Edit description and metadata"
      saveLabel="Save"
      testIds={{ edit: 'reversal-edit', form: 'reversal-edit-form', save: 'reversal-save' }}
    />
  );
}
