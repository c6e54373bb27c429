'use client';
// The case page in the browser: the account (live from Stripe), the case (status, assignee,
// escalation, score and its reasons), the decisions the role may take, the evidence, the notes and
// the earlier cases. Each part is its own React Query, hydrated from the server's prefetch.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { ModeBadge } from '@/components/mode-badge';
import { OutcomeMessage, type Outcome } from '@/components/money/outcome-message';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { accountQueries, invalidateViews } from '@/lib/accounts/keys';
import { canReject } from '@/lib/accounts/rules';
import { disabledReasonText } from '@/lib/accounts/status';
import { accountName } from '@/lib/accounts/view';
import { rejectAccountFromCaseAction } from '@/lib/risk/actions';
import { caseInvalidations, caseQueries } from '@/lib/risk/case-keys';
import { CASE_STATUS_WORDS, DECISION_WORDS, type CaseSummary, type CaseView, type OperatorRef } from '@/lib/risk/case-view';
import type { StripeMode } from '@/lib/stripe/mode';
import { Section } from '@/app/(console)/accounts/[id]/_components/section';
import { ApproveReviewButton, ClaimButton, NoteDecisionDialog, ReassignControl } from './decision-controls';
import { EvidenceSections } from './evidence-sections';
import { AddNote, NoteList } from './notes-panel';

const RejectDialog = dynamic(() => import('@/app/(console)/accounts/[id]/_components/reject-dialog').then((m) => m.RejectDialog), {
  ssr: false,
  loading: () => (
    <Button variant="danger" disabled aria-busy>
      Reject account…
    </Button>
  ),
});

export type CasePermissions = { decide: boolean; assign: boolean; reject: boolean };

const at = (iso: string | null) => (iso ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : '—');

function statusTone(c: CaseSummary): 'warn' | 'good' | 'bad' | 'brand' {
  if (c.status !== 'decided') return c.status === 'open' ? 'warn' : 'brand';
  return c.decision === 'rejected' ? 'bad' : 'good';
}

function Reasons({ view }: { view: CaseView }) {
  if (!view.risk || view.risk.reasons.length === 0) return <p className="text-sm text-neutral-500">No signal on this account now.</p>;
  return (
    <ul className="space-y-1.5" data-testid="case-reasons">
      {view.risk.reasons.map((r) => (
        <li key={r.kind} className="flex items-baseline gap-2 text-sm">
          <span className="w-10 shrink-0 text-right font-mono text-xs text-neutral-500">+{r.points}</span>
          <span className="text-neutral-900">{r.words}</span>
        </li>
      ))}
    </ul>
  );
}

function EarlierCases({ cases }: { cases: CaseView['earlier'] }) {
  if (cases.length === 0) return <p className="text-sm text-neutral-500">No earlier case on this account.</p>;
  return (
    <ol className="space-y-3" data-testid="case-earlier">
      {cases.map((c) => (
        <li key={c.id} className="rounded-md border border-neutral-200 p-3">
          <p className="text-sm">
            <Badge tone={statusTone(c)}>{c.decision ? DECISION_WORDS[c.decision] : CASE_STATUS_WORDS[c.status]}</Badge>{' '}
            <span className="text-neutral-700">
              opened {at(c.openedAt)}
              {c.decidedAt ? `, decided ${at(c.decidedAt)} by ${c.decidedBy?.name ?? '—'}` : ''}
            </span>
          </p>
          {c.reasonsAtDecision?.length ? <p className="mt-1 text-xs text-neutral-500">Signals then: {c.reasonsAtDecision.map((r) => r.words).join('; ')}</p> : null}
          {c.notes.length ? (
            <div className="mt-2">
              <NoteList notes={c.notes} testId="case-earlier-notes" />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function CaseScreen({ accountId, me, mode, can, deciders }: { accountId: string; me: OperatorRef; mode: StripeMode; can: CasePermissions; deciders: OperatorRef[] }) {
  const queryClient = useQueryClient();
  const account = useQuery(accountQueries.detail(accountId));
  const view = useQuery(caseQueries.detail(accountId));
  const [notice, setNotice] = useState<Outcome | null>(null);

  const a = account.data;
  const name = a ? accountName(a) : accountId;
  const current = view.data?.current ?? null;
  const working = current && current.status !== 'decided' ? current : null;
  const decide = can.decide && working !== null;
  const reject = a && can.reject && working ? canReject(a, mode, null) : null;
  const approve = decide && working ? (reviewId: string) => <ApproveReviewButton accountId={accountId} caseId={working.id} reviewId={reviewId} onDone={setNotice} /> : null;

  return (
    <div className="space-y-5">
      <header className="space-y-2" data-testid="case-header">
        <p className="text-sm">
          <Link href="/risk" className="text-brand-600 hover:underline">
            Risk queue
          </Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 [overflow-wrap:anywhere]" data-testid="case-account-name">
              {name}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600">
              <span className="inline-flex items-center">
                <Link href={`/accounts/${encodeURIComponent(accountId)}`} className="font-mono text-brand-600 hover:underline">
                  {accountId}
                </Link>
                <CopyButton value={accountId} label="Copy the account id" />
              </span>
              {a ? (
                <>
                  <span className="capitalize">{a.type}</span>
                  <span>{a.country}</span>
                </>
              ) : null}
              <ModeBadge mode={mode} />
              {a?.requirements?.disabled_reason ? <span data-testid="case-account-disabled">{disabledReasonText(a.requirements.disabled_reason)}</span> : null}
            </div>
          </div>
          <div className="text-right">
            <p className="text-xs text-neutral-500">Score</p>
            <p className="text-2xl font-semibold tabular-nums text-neutral-900" data-testid="case-score">
              {view.data?.risk?.score ?? 0}
            </p>
          </div>
        </div>
        {account.isError && !a ? (
          <p role="alert" className="text-sm text-mode-live-ink">
            The account could not be read from Stripe: {account.error.message}
          </p>
        ) : null}
      </header>

      {notice ? <OutcomeMessage outcome={notice} testId="case-notice" onDismiss={() => setNotice(null)} /> : null}

      <Section id="case" title="Case" state={view}>
        {current ? (
          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={statusTone(current)} data-testid="case-status">
                {CASE_STATUS_WORDS[current.status]}
              </Badge>
              {current.decision ? (
                <Badge tone={statusTone(current)} data-testid="case-decision">
                  {DECISION_WORDS[current.decision]}
                </Badge>
              ) : null}
              <span className="text-neutral-700" data-testid="case-assignee-name">
                {current.assignee ? `Assigned to ${current.assignee.id === me.id ? 'you' : current.assignee.name}` : 'Not assigned'}
              </span>
              <span className="text-neutral-500">Opened {at(current.openedAt)}</span>
              {current.decidedAt ? <span className="text-neutral-500">Decided {at(current.decidedAt)} by {current.decidedBy?.name ?? '—'}</span> : null}
              {current.reopenedFrom ? <span className="text-neutral-500">Reopened by a new signal</span> : null}
            </div>
            {current.escalatedAt ? (
              <p className="rounded-md border border-mode-test/30 bg-mode-test-soft px-3 py-2 text-sm text-mode-test-ink" data-testid="case-escalated">
                Escalated to an admin by {current.escalatedBy?.name ?? '—'} on {at(current.escalatedAt)}: {current.escalationNote}
              </p>
            ) : null}
            {decide && working ? (
              <div className="flex flex-wrap items-start gap-2" data-testid="case-decisions">
                {working.assignee?.id !== me.id ? <ClaimButton accountId={accountId} caseId={working.id} label={working.assignee ? 'Take over' : 'Claim'} /> : null}
                <NoteDecisionDialog accountId={accountId} caseId={working.id} kind="clear" onDone={setNotice} />
                {working.escalatedAt ? null : <NoteDecisionDialog accountId={accountId} caseId={working.id} kind="escalate" onDone={setNotice} />}
                <span className="flex-1" />
                {reject?.allowed ? (
                  <RejectDialog
                    accountId={accountId}
                    name={name}
                    label="Reject account…"
                    onDone={setNotice}
                    reject={(p, idempotencyKey) => rejectAccountFromCaseAction({ ...p, caseId: working.id, idempotencyKey })}
                    onSettled={() => invalidateViews(queryClient, caseInvalidations.decision(accountId))}
                  />
                ) : null}
              </div>
            ) : null}
            {reject && !reject.allowed ? (
              <p className="text-xs text-neutral-600" data-testid="case-reject-unavailable">
                <span className="font-medium text-neutral-800">Reject is not offered:</span> {reject.why}
              </p>
            ) : null}
            {can.assign && working ? <ReassignControl accountId={accountId} caseId={working.id} deciders={deciders} current={working.assignee?.id ?? null} /> : null}
          </div>
        ) : (
          <p className="text-sm text-neutral-500" data-testid="case-none">
            No case was ever opened on this account: it has had no risk signal.
          </p>
        )}
      </Section>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <Section id="signals" title="Signals" description="What the score is made of, heaviest first." state={view}>
            {view.data ? <Reasons view={view.data} /> : null}
          </Section>
          <EvidenceSections accountId={accountId} approve={approve} />
        </div>
        <div className="min-w-0 space-y-4">
          <Section id="notes" title="Notes" state={view}>
            <div className="space-y-4">
              <NoteList notes={current?.notes ?? []} />
              {decide && working ? <AddNote accountId={accountId} caseId={working.id} /> : null}
            </div>
          </Section>
          <Section id="earlier" title="Earlier cases" state={view}>
            <EarlierCases cases={view.data?.earlier ?? []} />
          </Section>
        </div>
      </div>
    </div>
  );
}
