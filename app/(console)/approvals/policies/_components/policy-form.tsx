'use client';
// One approval policy's form (admins): on or off, the mode, who may approve, how long a request
// stays valid and, for money actions, a threshold per currency typed in major units (parsed with
// each currency's own minor units). Checked with the policy's zod schema here and on the server.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ActionFailureBox } from '@/components/money/action-failure';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { newIdempotencyKey, type ActionFailure } from '@/lib/actions/result';
import { updatePolicyAction } from '@/lib/approvals/actions';
import { approvalKeys } from '@/lib/approvals/keys';
import { APPROVAL_ACTION_LABELS, approvalPolicySchema, MONEY_ACTIONS, POLICY_MODE_LABELS, POLICY_MODES, type ApprovalPolicy, type PolicyMode } from '@/lib/approvals/policy';
import { auditKeys } from '@/lib/audit/keys';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import { parseAmount, toInputValue } from '@/lib/money';

type Row = { currency: string; amount: string };

export function PolicyForm({ policy }: { policy: ApprovalPolicy }) {
  const queryClient = useQueryClient();
  const ids = { mode: useId(), hours: useId(), enabled: useId() };
  const [enabled, setEnabled] = useState(policy.enabled);
  const [mode, setMode] = useState<PolicyMode>(policy.mode);
  const [roles, setRoles] = useState<Role[]>(policy.approverRoles);
  const [hours, setHours] = useState(String(policy.validityHours));
  const [rows, setRows] = useState<Row[]>(Object.entries(policy.thresholds).map(([currency, amount]) => ({ currency, amount: toInputValue(amount, currency) })));
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const money = MONEY_ACTIONS.has(policy.action);
  const testId = `policy-${policy.action}`;

  async function save() {
    setSaved(false);
    setFailure(null);
    const thresholds: Record<string, number> = {};
    for (const row of rows) {
      const currency = row.currency.trim().toLowerCase();
      const parsed = parseAmount(row.amount, currency, { allowZero: true });
      if (!parsed.ok) return setProblem(`${currency.toUpperCase() || 'Currency'}: ${parsed.error}`);
      thresholds[currency] = parsed.amount;
    }
    const checked = approvalPolicySchema.safeParse({ action: policy.action, enabled, mode, approverRoles: roles, validityHours: Number(hours), thresholds });
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    setPending(true);
    try {
      const result = await updatePolicyAction({ ...checked.data, idempotencyKey: newIdempotencyKey() });
      if (result.ok) setSaved(true);
      else setFailure(result);
    } finally {
      setPending(false);
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    }
  }

  return (
    <form
      className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="text-base font-semibold text-neutral-900">{APPROVAL_ACTION_LABELS[policy.action]}</h2>
      <label htmlFor={ids.enabled} className="flex items-center gap-2 text-sm text-neutral-700">
        <input id={ids.enabled} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4 accent-brand-600" data-testid={`${testId}-enabled`} />
        Needs a second operator’s approval
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.mode} className="text-xs font-medium text-neutral-600">
            In
          </label>
          <Select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as PolicyMode)} data-testid={`${testId}-mode`}>
            {POLICY_MODES.map((m) => (
              <option key={m} value={m}>
                {POLICY_MODE_LABELS[m]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.hours} className="text-xs font-medium text-neutral-600">
            A request stays valid for (hours)
          </label>
          <Input id={ids.hours} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} data-testid={`${testId}-hours`} />
        </div>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-neutral-600">Who may approve (they also need the action’s own permission)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-1.5 text-sm text-neutral-700">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                className="size-4 accent-brand-600"
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      </fieldset>
      {money ? (
        <fieldset className="space-y-2">
          <legend className="text-xs font-medium text-neutral-600">Amounts at or above these need approval (any amount in a currency not listed)</legend>
          {rows.map((row, i) => (
            <div key={i} className="flex items-center gap-2">
              <Input aria-label="Currency" value={row.currency} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, currency: e.target.value } : r)))} className="w-20" />
              <Input aria-label={`Threshold in ${row.currency.toUpperCase()}`} value={row.amount} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, amount: e.target.value } : r)))} className="w-40" />
              <Button variant="ghost" size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { currency: '', amount: '' }])}>
            Add a currency
          </Button>
        </fieldset>
      ) : (
        <p className="text-xs text-neutral-500">Not a money movement: every one needs approval where the policy applies.</p>
      )}
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {problem}
        </p>
      ) : null}
      {failure ? <ActionFailureBox failure={failure} onDismiss={() => setFailure(null)} /> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending} data-testid={`${testId}-save`}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        {saved ? (
          <span role="status" className="text-sm text-neutral-600">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
