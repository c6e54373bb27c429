'use client';
// Adds money to the platform balance: amount (in the platform's currency), description, optional
// statement descriptor and, in test mode, a test bank token; a review step states it in words,
// then Confirm. The idempotency key lives as long as that review.
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { balanceKeys } from '@/lib/balance/keys';
import { createTopup } from '@/lib/topups/actions';
import { topupKeys } from '@/lib/topups/keys';
import { createTopupSchema, describeTopup, TOPUP_CURRENCY, TOPUP_TEST_SOURCES, topupAmount, type CreateTopupInput } from '@/lib/topups/schemas';

type Payload = CreateTopupInput & { amountMinor: number };
type Created = Extract<Awaited<ReturnType<typeof createTopup>>, { ok: true }>['data'];

export function CreateTopupForm({ testMode }: { testMode: boolean }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [statementDescriptor, setStatementDescriptor] = useState('');
  const [source, setSource] = useState(testMode ? 'btok_us_verified' : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; status: string } | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  // Set once a review is open: whether a four-eyes policy covers this top-up (the server decides again).
  const [subject, setSubject] = useState<{ amount: number; currency: string } | null>(null);
  const need = useApprovalNeed('topup_create', subject);
  const approval = need?.needed ? need.why : null;
  const ids = { amount: useId(), description: useId(), descriptor: useId(), source: useId() };
  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string): Promise<ActionResult<Created | ApprovalRequested>> => {
      const input = { amount: p.amount, description: p.description, statementDescriptor: p.statementDescriptor, source: p.source, idempotencyKey };
      // The review's key becomes the request's: the approved top-up is created with it, once.
      if (approval) return requestApprovalAction({ action: 'topup_create', params: input, note: p.description, idempotencyKey: requestKeyFor(idempotencyKey) });
      return createTopup(input);
    },
    {
      onDone: (data) => {
        if (isApprovalRequested(data)) setRequested(data.requestId);
        else setDone({ id: data.topupId, status: data.status });
        setAmount('');
        setDescription('');
        setStatementDescriptor('');
      },
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: topupKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.inbox() });
      },
      // Its answer was lost and the console found the top-up by the request key in its metadata.
      onRecovered: (status) => {
        if (status.resultId) setDone({ id: status.resultId, status: 'created (found after a lost answer)' });
      },
    },
  );

  if (action.review) {
    const p = action.review.payload;
    return (
      <ReviewPanel
        sentence={describeTopup(p.amountMinor, p.source)}
        confirmLabel="Create top-up"
        tone="primary"
        action={action}
        testId="topup-review"
        approval={approval}
      />
    );
  }

  function review() {
    setDone(null);
    setRequested(null);
    const parsed = topupAmount(amount);
    if (!parsed.ok) return setProblem(parsed.error);
    const input: CreateTopupInput = { amount, description, statementDescriptor, source };
    const checked = createTopupSchema.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    setSubject({ amount: parsed.amount, currency: TOPUP_CURRENCY });
    action.open({ ...input, amountMinor: parsed.amount });
  }

  return (
    <form
      className="space-y-3"
      data-testid="topup-form"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {done ? (
        <p className="text-sm text-emerald-700 dark:text-emerald-300" role="status" data-testid="topup-done">
          Top-up{' '}
          <Link href={`/topups/${done.id}`} className="font-mono underline">
            {done.id}
          </Link>{' '}
          created: {done.status}.
        </p>
      ) : null}
      {requested ? (
        <p className="text-sm text-neutral-700" role="status" data-testid="topup-requested">
          Approval requested ({requested}): nothing is created until another operator approves it in Approvals.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label htmlFor={ids.amount} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Amount ({TOPUP_CURRENCY.toUpperCase()})
          <Input id={ids.amount} inputMode="decimal" autoComplete="off" placeholder="5000.00" value={amount} onChange={(e) => setAmount(e.target.value)} className="tabular-nums" data-testid="topup-amount" />
        </label>
        <label htmlFor={ids.description} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Description
          <Input id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Q3 funding" data-testid="topup-description" />
        </label>
        <label htmlFor={ids.descriptor} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Statement descriptor (optional, 15 characters)
          <Input id={ids.descriptor} value={statementDescriptor} onChange={(e) => setStatementDescriptor(e.target.value)} maxLength={15} />
        </label>
        {testMode ? (
          <label htmlFor={ids.source} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
            Funding source (test mode)
            <Select id={ids.source} value={source} onChange={(e) => setSource(e.target.value)} data-testid="topup-source">
              {TOPUP_TEST_SOURCES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink" data-testid="topup-problem">
          {problem}
        </p>
      ) : null}
      <Button type="submit" variant="primary" data-testid="topup-review-open">
        Review top-up
      </Button>
    </form>
  );
}
