'use client';
// Edits one fee refund's metadata: rows of key and value, then Save (the idempotency key is made
// when editing starts and reused if Save is retried).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionFailureBox } from '@/components/money/action-failure';
import { MetadataEditor } from '@/components/money/metadata-editor';
import { consoleMetadataRows, editableMetadataRows, type MetadataRow } from '@/lib/metadata';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { updateFeeRefund } from '@/lib/fees/actions';
import { feeKeys } from '@/lib/fees/keys';
import { updateFeeRefundSchema } from '@/lib/fees/schemas';

export function RefundMetadataForm({ feeId, refundId, metadata }: { feeId: string; refundId: string; metadata: Record<string, string> | null }) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<MetadataRow[]>(editableMetadataRows(metadata));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useConfirmedAction(
    (p: MetadataRow[], idempotencyKey: string) => updateFeeRefund({ feeId, refundId, metadata: p, idempotencyKey }),
    () => setSaved(true),
    () => {
      void queryClient.invalidateQueries({ queryKey: feeKeys.detail(feeId) });
      void queryClient.invalidateQueries({ queryKey: feeKeys.refund(refundId) });
    },
  );

  if (!action.review) {
    return (
      <div className="flex items-center gap-3">
        <Button
          size="sm"
          onClick={() => {
            setRows(editableMetadataRows(metadata));
            setSaved(false);
            action.open(editableMetadataRows(metadata));
          }}
          data-testid="refund-metadata-edit"
        >
          Edit metadata
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
      data-testid="refund-metadata-form"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = updateFeeRefundSchema.shape.metadata.safeParse(rows);
        if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the metadata.');
        setProblem(null);
        void action.confirm(rows);
      }}
    >
      <MetadataEditor rows={rows} onChange={setRows} disabled={action.pending} locked={consoleMetadataRows(metadata)} />
      {problem ? <p role="alert" className="text-sm text-mode-live-ink">{problem}</p> : null}
      {action.failure ? <ActionFailureBox failure={action.failure} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={action.pending} data-testid="refund-metadata-save">
          {action.pending ? 'Saving…' : 'Save metadata'}
        </Button>
        <Button size="sm" variant="ghost" onClick={action.back} disabled={action.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
