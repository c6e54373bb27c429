'use client';
// On the emulator only: the demo operators, one per role; a click fills the form.
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

export function DemoOperators({ operators, password }: { operators: Array<{ email: string; name: string; role: Role }>; password: string }) {
  function fill(email: string) {
    const form = document.querySelector<HTMLFormElement>('[data-testid="password-form"]');
    const emailInput = form?.querySelector<HTMLInputElement>('input[name="email"]');
    const passwordInput = form?.querySelector<HTMLInputElement>('input[name="password"]');
    if (emailInput && passwordInput) {
      emailInput.value = email;
      passwordInput.value = password;
      form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  }
  return (
    <section aria-labelledby="demo-title" className="rounded-lg border border-mode-emulator/30 bg-mode-emulator-soft p-4" data-testid="demo-operators">
      <h2 id="demo-title" className="text-sm font-semibold text-mode-emulator-ink">
        Demo operators (emulator only)
      </h2>
      <p className="mt-1 text-xs text-neutral-600">
        Every one uses the password <code className="font-mono font-semibold">{password}</code>. Pick one to fill the form.
      </p>
      <ul className="mt-2 grid gap-1">
        {operators.map((operator) => (
          <li key={operator.email}>
            <button
              type="button"
              onClick={() => fill(operator.email)}
              className="flex w-full items-center justify-between rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface"
            >
              <span>
                <span className="font-medium text-neutral-900">{operator.name}</span>{' '}
                <span className="font-mono text-xs text-neutral-600">{operator.email}</span>
              </span>
              <span className="text-xs text-mode-emulator-ink">{ROLE_LABELS[operator.role]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
