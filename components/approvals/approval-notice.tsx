// The review step's line saying the action needs a second operator's approval, and why; sent,
// it becomes a request that waits in the Approvals inbox.
export function ApprovalNotice({ why }: { why: string }) {
  return (
    <div role="note" data-testid="approval-notice" className="rounded-md border border-brand-500/30 bg-brand-50 px-3 py-2 text-sm text-brand-700 [overflow-wrap:anywhere] dark:text-brand-100">
      <p className="font-medium">Needs approval.</p>
      <p className="mt-1">{why} Confirming sends a request; nothing is done until another operator approves it.</p>
    </div>
  );
}
