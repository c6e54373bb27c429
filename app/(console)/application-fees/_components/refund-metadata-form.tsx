'use client';
// Edits one fee refund's metadata (the shared MetadataForm, with the refund's action and keys).
import { useQueryClient } from '@tanstack/react-query';
import { MetadataForm } from '@/components/money/metadata-form';
import { updateFeeRefund } from '@/lib/fees/actions';
import { feeKeys } from '@/lib/fees/keys';
import { updateFeeRefundSchema } from '@/lib/fees/schemas';
import { consoleMetadataRows, editableMetadataRows } from '@/lib/metadata';

export function RefundMetadataForm({ feeId, refundId, metadata }: { feeId: string; refundId: string; metadata: Record<string, string> | null }) {
  const queryClient = useQueryClient();
  return (
    <MetadataForm
      initial={() => ({ metadata: editableMetadataRows(metadata) })}
      locked={consoleMetadataRows(metadata)}
      check={(draft) => {
        const checked = updateFeeRefundSchema.shape.metadata.safeParse(draft.metadata);
        return checked.success ? null : (checked.error.issues[0]?.message ?? 'Check the metadata.');
      }}
      save={(draft, idempotencyKey) => updateFeeRefund({ feeId, refundId, metadata: draft.metadata, idempotencyKey })}
      onSettled={() => {
        void queryClient.invalidateQueries({ queryKey: feeKeys.detail(feeId) });
        void queryClient.invalidateQueries({ queryKey: feeKeys.refund(refundId) });
      }}
      editLabel="Edit metadata"
      saveLabel="Save metadata"
      testIds={{ edit: 'refund-metadata-edit', form: 'refund-metadata-form', save: 'refund-metadata-save' }}
    />
  );
}
