'use client';
// One approval request: the review in words, why it was asked, the object then and now (a
// pending request is compared with Stripe live), the decision and the execution (Stripe's request
// id, the object made, the audit entries). Approve / Decline with a note for an operator who may
// decide it; Cancel for the requester while pending; Retry (same key) for an approver after a
// failure at Stripe or a lost answer. The server checks every rule again. While the execution's
// outcome is unknown (or it is running) the page asks again every few seconds, and says so in the
// colours of an open outcome, not of a failure, until the console has found out.
import { useQueryClient, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { ActionFailureBox } from '@/components/money/action-failure';
import { FactList, IdText } from '@/components/money/fact-list';
import { ApprovalStatusBadge, whenText } from '@/components/approvals/request-list';
import { APPROVALS_CHANGED } from '@/components/shell/approvals-count';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { newIdempotencyKey, type ActionFailure, type ActionResult } from '@/lib/actions/result';
import { approveRequestAction, cancelRequestAction, declineRequestAction, retryRequestAction } from '@/lib/approvals/actions';
import { approvalKeys, approvalQueries, type RequestDetail } from '@/lib/approvals/keys';
import { APPROVAL_ACTION_LABELS } from '@/lib/approvals/policy';
import { auditKeys } from '@/lib/audit/keys';
import { formatMoney } from '@/lib/money';

function Then({ request }: { request: RequestDetail }) {
  const labels = Object.keys(request.snapshot);
  if (labels.length === 0) return null;
  const changed = new Map((request.changes ?? []).map((c) => [c.label, c.now]));
  return (
    <section className="space-y-2" data-testid="approval-snapshot">
      <h2 className="text-sm font-semibold text-neutral-900">The object then and now</h2>
      {request.liveError ? <p className="text-sm text-mode-live-ink">Could not read it now: {request.liveError}</p> : null}
      {request.changes && request.changes.length > 0 ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100" data-testid="approval-changed">
          It changed since the request: approving now would be refused.
        </p>
      ) : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-neutral-500">
            <th className="py-1 pr-3 font-medium"> </th>
            <th className="py-1 pr-3 font-medium">At the request</th>
            <th className="py-1 font-medium">{request.status === 'pending' ? 'Now' : ''}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => (
            <tr key={label} className="border-t border-neutral-200">
              <th scope="row" className="py-1 pr-3 text-left font-normal text-neutral-600">{label}</th>
              <td className="py-1 pr-3 text-neutral-900">{String(request.snapshot[label])}</td>
              <td className={changed.has(label) ? 'py-1 font-medium text-mode-live-ink' : 'py-1 text-neutral-900'}>
                {request.status === 'pending' && request.changes ? String(changed.has(label) ? changed.get(label) : request.snapshot[label]) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** How often a request whose execution is running or unknown is asked again. */
const FOLLOW_MS = 3000;
const following = (status: RequestDetail['status'] | undefined) => status === 'unknown' || status === 'approved';

export function RequestView({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const { data: request } = useQuery({ ...approvalQueries.detail(id), refetchInterval: (q) => (following(q.state.data?.status) ? FOLLOW_MS : false) });
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const noteId = useId();
  if (!request) return null;

  async function run(action: () => Promise<ActionResult<unknown>>) {
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const result = await action();
      if (!result.ok) setFailure(result);
      else setNote('');
    } finally {
      setPending(false);
      window.dispatchEvent(new Event(APPROVALS_CHANGED));
      await Promise.all([queryClient.invalidateQueries({ queryKey: approvalKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
    }
  }
  // A key per click: each decision is its own audited request; the action it runs uses the request's own key.
  const decide = (which: 'approve' | 'decline') => run(() => (which === 'approve' ? approveRequestAction : declineRequestAction)({ requestId: id, note, idempotencyKey: newIdempotencyKey() }));
  const open = request.status === 'pending';
  const retryable = (request.status === 'failed' && request.retryable) || request.status === 'unknown';

  return (
    <div className="space-y-6" data-testid="approval-request">
      <div className="flex flex-wrap items-center gap-2">
        <ApprovalStatusBadge status={request.status} />
        <span className="text-sm text-neutral-600">
          {APPROVAL_ACTION_LABELS[request.action]}
          {request.amount !== null && request.currency ? ` of ${formatMoney(request.amount, request.currency)}` : ''}, {request.mode === 'live' ? 'live mode' : 'test mode'}
        </span>
      </div>
      <p className="rounded-md border border-neutral-300 bg-neutral-50 p-3 text-sm font-medium text-neutral-900 [overflow-wrap:anywhere]" data-testid="approval-summary">
        {request.summary}
      </p>
      <FactList
        facts={[
          { label: 'Asked by', value: request.requestedByEmail, testId: 'approval-requester' },
          { label: 'Asked on', value: whenText(request.requestedAt) },
          { label: open ? 'Expires' : 'Was valid until', value: whenText(request.expiresAt) },
          { label: 'Why', value: <span className="whitespace-normal">{request.note}</span> },
          ...(request.targetId ? [{ label: 'Object', value: <IdText id={request.targetId} /> }] : []),
          ...(request.decidedByEmail ? [{ label: request.status === 'declined' ? 'Declined by' : 'Approved by', value: request.decidedByEmail, testId: 'approval-decider' }] : []),
          ...(request.decisionNote ? [{ label: 'Decision note', value: <span className="whitespace-normal">{request.decisionNote}</span> }] : []),
          ...(request.executionRequestId ? [{ label: 'Stripe request', value: <IdText id={request.executionRequestId} />, testId: 'approval-stripe-request' }] : []),
          ...(request.executionResultId ? [{ label: 'Made', value: <IdText id={request.executionResultId} />, testId: 'approval-result' }] : []),
        ]}
      />
      {request.executionError && request.status === 'unknown' ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 [overflow-wrap:anywhere] dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100" data-testid="approval-execution-error">
          {request.executionError}
        </p>
      ) : request.executionError ? (
        <p role="alert" className="text-sm text-mode-live-ink [overflow-wrap:anywhere]" data-testid="approval-execution-error">
          {request.executionError}
        </p>
      ) : null}
      <Then request={request} />
      <p className="text-sm text-neutral-600" data-testid="approval-audit-links">
        In the audit log:{' '}
        <Link href={`/audit?object=${encodeURIComponent(request.id)}`} className="text-brand-600 hover:underline">
          this request’s entries
        </Link>
        {request.audit.request ? ` (request #${request.audit.request}` : ''}
        {request.audit.decision ? `, decision #${request.audit.decision}` : ''}
        {request.audit.execution ? `, execution #${request.audit.execution}` : ''}
        {request.audit.request ? ')' : ''}
      </p>
      {failure ? <ActionFailureBox failure={failure} onDismiss={() => setFailure(null)} testId="approval-error" /> : null}
      {open && request.mayDecide ? (
        <section className="space-y-2 rounded-md border border-neutral-200 bg-surface p-3" data-testid="approval-decide">
          <label htmlFor={noteId} className="text-sm font-medium text-neutral-900">
            Your note (required)
          </label>
          <Textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="approval-note" placeholder="Checked the ticket and the amount" />
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" disabled={pending || note.trim().length < 3} onClick={() => void decide('approve')} data-testid="approval-approve">
              {pending ? 'Working…' : 'Approve and run it'}
            </Button>
            <Button variant="danger" disabled={pending || note.trim().length < 3} onClick={() => void decide('decline')} data-testid="approval-decline">
              Decline
            </Button>
          </div>
        </section>
      ) : null}
      {open && !request.mayDecide && request.whyNot ? (
        <p className="text-sm text-neutral-600" data-testid="approval-why-not">
          {request.whyNot}
        </p>
      ) : null}
      {open && request.mine ? (
        <Button variant="secondary" disabled={pending} onClick={() => void run(() => cancelRequestAction({ requestId: id, idempotencyKey: newIdempotencyKey() }))} data-testid="approval-cancel">
          Cancel this request
        </Button>
      ) : null}
      {retryable && request.mayDecide ? (
        <Button variant="primary" disabled={pending} onClick={() => void run(() => retryRequestAction({ requestId: id, idempotencyKey: newIdempotencyKey() }))} data-testid="approval-retry">
          {pending ? 'Working…' : 'Send the same request again'}
        </Button>
      ) : null}
    </div>
  );
}
