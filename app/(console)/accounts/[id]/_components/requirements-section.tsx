// Requirements as people read them: what is past due, due now (and by when), due eventually,
// being verified, and what Stripe found wrong (with its reason), then the future requirements.
// Each line names whom it concerns and keeps Stripe's field paths in a tooltip.
import type Stripe from 'stripe';
import { describeRequirements, type PersonName } from '@/lib/accounts/requirements';
import { disabledReasonText } from '@/lib/accounts/status';
import { formatDeadline } from '@/lib/accounts/view';
import { plural } from '@/lib/words';

type Requirements = Stripe.Account.Requirements | Stripe.Account.FutureRequirements;

function Lines({ fields, persons, testId }: { fields: string[]; persons: PersonName[]; testId: string }) {
  const lines = describeRequirements(fields, persons);
  const bySubject = new Map<string, typeof lines>();
  for (const line of lines) bySubject.set(line.subject, [...(bySubject.get(line.subject) ?? []), line]);
  return (
    <dl className="mt-1 space-y-1" data-testid={testId}>
      {[...bySubject].map(([subject, items]) => (
        <div key={subject} className="grid grid-cols-[9rem_1fr] gap-3 text-sm">
          <dt className="text-neutral-500">{subject}</dt>
          <dd className="text-neutral-900">
            {items.map((l, i) => (
              <span key={l.label} title={l.fields.join(', ')}>
                {l.label}
                {i < items.length - 1 ? ', ' : ''}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Group({ title, tone, fields, persons, testId, note }: { title: string; tone?: 'bad' | 'warn'; fields: string[]; persons: PersonName[]; testId: string; note?: string }) {
  if (fields.length === 0) return null;
  const color = tone === 'bad' ? 'text-mode-live-ink' : tone === 'warn' ? 'text-mode-test-ink' : 'text-neutral-700';
  return (
    <div className="py-2">
      <h3 className={`text-xs font-semibold uppercase tracking-wide ${color}`}>
        {title} <span className="font-normal normal-case text-neutral-500">({plural(fields.length, 'field', 'fields')})</span>
      </h3>
      {note ? <p className="text-xs text-neutral-500">{note}</p> : null}
      <Lines fields={fields} persons={persons} testId={testId} />
    </div>
  );
}

function Errors({ errors, persons }: { errors: Stripe.Account.Requirements.Error[]; persons: PersonName[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="py-2" data-testid="requirement-errors">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-mode-live-ink">Errors ({errors.length})</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {errors.map((e) => {
          const [line] = describeRequirements([e.requirement], persons);
          return (
            <li key={`${e.requirement}-${e.code}`}>
              <span className="text-neutral-900">
                {line ? `${line.subject}: ${line.label}` : e.requirement}
              </span>{' '}
              — <span className="text-neutral-700">{e.reason}</span> <code className="text-xs text-neutral-500">{e.code}</code>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Block({ r, persons, prefix }: { r: Requirements | null | undefined; persons: PersonName[]; prefix: string }) {
  if (!r) return null;
  return (
    <>
      <Group title="Past due" tone="bad" fields={r.past_due ?? []} persons={persons} testId={`${prefix}past-due`} note="Stripe has restricted the account until these are provided." />
      <Group
        title="Currently due"
        tone="warn"
        fields={r.currently_due ?? []}
        persons={persons}
        testId={`${prefix}currently-due`}
        note={r.current_deadline ? `Deadline ${formatDeadline(r.current_deadline)}.` : undefined}
      />
      <Errors errors={r.errors ?? []} persons={persons} />
      <Group title="Pending verification" fields={r.pending_verification ?? []} persons={persons} testId={`${prefix}pending`} note="Provided; Stripe is checking them." />
      <Group title="Eventually due" fields={(r.eventually_due ?? []).filter((f) => !(r.currently_due ?? []).includes(f))} persons={persons} testId={`${prefix}eventually-due`} note="Needed later, for example when volume grows." />
    </>
  );
}

export function RequirementsBody({ account, persons }: { account: Stripe.Account; persons: PersonName[] }) {
  const r = account.requirements;
  const f = account.future_requirements;
  const nothing = !r || ['past_due', 'currently_due', 'eventually_due', 'pending_verification', 'errors'].every((k) => ((r as unknown as Record<string, unknown[]>)[k]?.length ?? 0) === 0);
  const futureCount = (f?.currently_due?.length ?? 0) + (f?.eventually_due?.length ?? 0) + (f?.past_due?.length ?? 0);
  const reason = disabledReasonText(r?.disabled_reason);
  return (
    <div className="divide-y divide-neutral-200">
      {reason ? (
        <p className="pb-2 text-sm" data-testid="disabled-reason">
          <span className="text-neutral-500">Why it is restricted: </span>
          <span className="font-medium text-neutral-900">{reason}</span> <code className="text-xs text-neutral-500">{r?.disabled_reason}</code>
        </p>
      ) : null}
      {nothing ? <p className="py-2 text-sm text-neutral-600">Stripe needs nothing from this account now.</p> : <Block r={r} persons={persons} prefix="req-" />}
      {futureCount > 0 ? (
        <div className="pt-2" data-testid="future-requirements">
          <h3 className="text-sm font-semibold text-neutral-900">Future requirements</h3>
          <p className="text-xs text-neutral-500">
            Coming changes to Stripe&apos;s rules{f?.current_deadline ? `; deadline ${formatDeadline(f.current_deadline)}` : ''}. Nothing is restricted for them yet.
          </p>
          <Block r={f} persons={persons} prefix="future-" />
        </div>
      ) : null}
    </div>
  );
}
