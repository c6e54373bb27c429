'use client';
// Changes one operator's role: pick, review the effect in words, confirm. The idempotency key is
// made when the review opens; the server re-checks the permission and records the change.
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { newIdempotencyKey } from '@/lib/actions/result';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import { changeOperatorRole } from '@/lib/operators/actions';

export function RolePicker({ operatorId, email, role }: { operatorId: string; email: string; role: Role }) {
  const [choice, setChoice] = useState<Role>(role);
  const [key, setKey] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const reviewing = choice !== role && key !== null;

  function pick(next: Role) {
    setChoice(next);
    setMessage(null);
    setKey(next === role ? null : newIdempotencyKey());
  }

  function confirm() {
    if (!key) return;
    startTransition(async () => {
      const result = await changeOperatorRole({ operatorId, role: choice, idempotencyKey: key });
      if (result.ok) {
        setMessage({ ok: true, text: `Now ${ROLE_LABELS[result.data.role]}.` });
        setKey(null);
      } else {
        setMessage({ ok: false, text: result.error });
        setKey(newIdempotencyKey());
      }
    });
  }

  return (
    <div className="flex flex-col gap-2" data-testid={`role-picker-${email}`}>
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${operatorId}`}>
          Role of {email}
        </label>
        <Select id={`role-${operatorId}`} value={choice} onChange={(event) => pick(event.target.value as Role)} disabled={pending} data-testid="role-select">
          {ROLES.map((name) => (
            <option key={name} value={name}>
              {ROLE_LABELS[name]}
            </option>
          ))}
        </Select>
        {reviewing ? (
          <>
            <Button variant="primary" size="sm" onClick={confirm} disabled={pending} data-testid="role-confirm">
              {pending ? 'Saving…' : 'Confirm'}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => pick(role)} disabled={pending}>
              Cancel
            </Button>
          </>
        ) : null}
      </div>
      {reviewing ? (
        <p className="max-w-md text-xs text-neutral-600" data-testid="role-review">
          {email} changes from {ROLE_LABELS[role]} to {ROLE_LABELS[choice]}: {ROLE_DESCRIPTIONS[choice]} It takes effect on their next
          request.
        </p>
      ) : null}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} data-testid="role-message" className={`text-xs ${message.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-mode-live-ink'}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
