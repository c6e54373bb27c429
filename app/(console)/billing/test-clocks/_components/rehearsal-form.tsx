'use client';
// A new rehearsal on the clock: a customer, a product with a price per phase (licensed or metered)
// and a subscription schedule whose phases the operator fills in (length in intervals, price,
// quantity, the platform's fee percentage). The same schema as the action checks it; a review
// states it in words before it is made.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { createRehearsalAction } from '@/lib/billing/test-clocks/actions';
import { testClockKeys } from '@/lib/billing/test-clocks/keys';
import { describeRehearsal } from '@/lib/billing/test-clocks/rehearsal';
import { createRehearsalSchema, MAX_PHASES, REHEARSAL_CURRENCIES, REHEARSAL_INTERVALS, type CreateRehearsalInput } from '@/lib/billing/test-clocks/schemas';
import { LEGACY_USAGE_API_VERSION } from '@/lib/billing/usage/version';

type Phase = { intervals: string; unitAmount: string; quantity: string; feePercent: string };
type Fields = Omit<CreateRehearsalInput, 'account' | 'clockId' | 'phases'> & { phases: Phase[] };

const FIRST: Fields = {
  customerName: 'Rehearsal customer',
  productName: 'Membership',
  currency: 'usd',
  usageType: 'licensed',
  interval: 'month',
  endBehavior: 'cancel',
  phases: [
    { intervals: '1', unitAmount: '49.00', quantity: '1', feePercent: '8' },
    { intervals: '2', unitAmount: '99.00', quantity: '1', feePercent: '10' },
  ],
};

const LABEL = 'flex flex-col gap-1 text-xs font-medium text-neutral-600';

export function RehearsalForm({ account, clockId, disabled }: { account: string; clockId: string; disabled: boolean }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [fields, setFields] = useState<Fields>(FIRST);
  const [problems, setProblems] = useState<string[]>([]);
  const [made, setMade] = useState<string | null>(null);
  const action = useConfirmedAction((input: CreateRehearsalInput, idempotencyKey: string) => createRehearsalAction({ ...input, idempotencyKey }), {
    onDone: (data) => setMade(data.scheduleId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testClockKeys.view(account, clockId) }),
  });
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const setPhase = (i: number, key: keyof Phase, value: string) => setFields((f) => ({ ...f, phases: f.phases.map((p, j) => (j === i ? { ...p, [key]: value } : p)) }));

  if (action.review) {
    const parsed = createRehearsalSchema.parse(action.review.payload);
    return (
      <div className="rounded-lg border border-neutral-200 bg-surface p-4">
        <ReviewPanel sentence={describeRehearsal(parsed)} confirmLabel="Create rehearsal" tone="primary" action={action} testId="rehearsal-review" tick="I have checked the account, the customer and the phases." />
      </div>
    );
  }
  const metered = fields.usageType === 'metered';
  return (
    <form
      aria-labelledby={`${id}-h`}
      className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4"
      data-testid="rehearsal-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMade(null);
        const input: CreateRehearsalInput = { ...fields, account, clockId };
        const checked = createRehearsalSchema.safeParse(input);
        if (!checked.success) return setProblems(checked.error.issues.map((issue) => issue.message));
        setProblems([]);
        action.open(input);
      }}
    >
      <h3 id={`${id}-h`} className="text-sm font-semibold text-neutral-900">
        New rehearsal on this clock
      </h3>
      {made ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300" data-testid="rehearsal-made">
          Rehearsal schedule <code className="font-mono">{made}</code> created; it runs from the clock’s time.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <label className={LABEL}>
          Customer name
          <Input value={fields.customerName} onChange={(e) => set('customerName', e.target.value)} maxLength={100} />
        </label>
        <label className={LABEL}>
          Product name
          <Input value={fields.productName} onChange={(e) => set('productName', e.target.value)} maxLength={100} />
        </label>
        <label className={LABEL}>
          Currency
          <Select value={fields.currency} onChange={(e) => set('currency', e.target.value as Fields['currency'])}>
            {REHEARSAL_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </Select>
        </label>
        <label className={LABEL}>
          Price
          <Select value={fields.usageType} onChange={(e) => set('usageType', e.target.value as Fields['usageType'])} data-testid="rehearsal-usage-type">
            <option value="licensed">Licensed: quantity × price</option>
            <option value="metered">Metered: usage × price</option>
          </Select>
        </label>
        <label className={LABEL}>
          Billed every
          <Select value={fields.interval} onChange={(e) => set('interval', e.target.value as Fields['interval'])}>
            {REHEARSAL_INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </Select>
        </label>
        <label className={LABEL}>
          After the last phase
          <Select value={fields.endBehavior} onChange={(e) => set('endBehavior', e.target.value as Fields['endBehavior'])}>
            <option value="cancel">Cancel the subscription</option>
            <option value="release">Release it (it renews on its own)</option>
          </Select>
        </label>
      </div>
      {metered ? (
        <p className="text-xs text-neutral-600">
          A metered price is legacy usage-based billing: its prices and schedule are made with API version {LEGACY_USAGE_API_VERSION}, since the pinned version takes metered prices only with billing
          meters. Report usage on the rehearsal below; each period’s usage is billed at its end.
        </p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Phases</legend>
        {fields.phases.map((phase, i) => (
          <div key={i} className="grid grid-cols-2 items-end gap-2 rounded-md border border-neutral-200 p-2 sm:grid-cols-5" data-testid="rehearsal-phase">
            <p className="col-span-2 text-sm font-medium text-neutral-800 sm:col-span-1 sm:self-center">Phase {i + 1}</p>
            <label className={LABEL}>
              Length ({fields.interval}s)
              <Input inputMode="numeric" value={phase.intervals} onChange={(e) => setPhase(i, 'intervals', e.target.value)} aria-label={`Phase ${i + 1} length in ${fields.interval}s`} />
            </label>
            <label className={LABEL}>
              {metered ? 'Price per unit' : 'Price'} ({fields.currency.toUpperCase()})
              <Input inputMode="decimal" value={phase.unitAmount} onChange={(e) => setPhase(i, 'unitAmount', e.target.value)} aria-label={`Phase ${i + 1} price`} className="tabular-nums" />
            </label>
            <label className={LABEL}>
              Quantity
              <Input inputMode="numeric" value={metered ? '' : phase.quantity} placeholder={metered ? 'usage' : ''} disabled={metered} onChange={(e) => setPhase(i, 'quantity', e.target.value)} aria-label={`Phase ${i + 1} quantity`} />
            </label>
            <label className={LABEL}>
              Platform fee (%)
              <Input inputMode="decimal" value={phase.feePercent} onChange={(e) => setPhase(i, 'feePercent', e.target.value)} aria-label={`Phase ${i + 1} platform fee percent`} />
            </label>
          </div>
        ))}
        <div className="flex gap-2">
          <Button size="sm" disabled={fields.phases.length >= MAX_PHASES} onClick={() => set('phases', [...fields.phases, { ...fields.phases.at(-1)! }])}>
            Add a phase
          </Button>
          <Button size="sm" variant="ghost" disabled={fields.phases.length <= 1} onClick={() => set('phases', fields.phases.slice(0, -1))}>
            Remove the last phase
          </Button>
        </div>
      </fieldset>
      {problems.length > 0 ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-mode-live-ink">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" variant="primary" disabled={disabled} data-testid="rehearsal-review-open">
        Review rehearsal
      </Button>
      {disabled ? <p className="text-xs text-neutral-600">The clock is moving: wait until it is ready.</p> : null}
    </form>
  );
}
