// The only page a signed-out visitor reaches: password sign-in and/or single sign-on, whichever
// the environment enables, and on the emulator the demo operators to try each role.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ModeBadge } from '@/components/mode-badge';
import { Button } from '@/components/ui/button';
import { signInWithSsoAction } from '@/lib/auth/actions';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { getCurrentOperator } from '@/lib/auth/current-operator';
import { BUSY_MESSAGE, pausedMessage, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/sign-in-messages';
import { getEnv } from '@/lib/env';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '@/lib/operators/demo';
import { stripeMode } from '@/lib/stripe/client';
import { DemoOperators } from './_components/demo-operators';
import { PasswordForm } from './_components/password-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const REASONS: Record<string, string> = {
  expired: 'Your session ended after a period without activity. Sign in again.',
  CredentialsSignin: WRONG_CREDENTIALS_MESSAGE,
  paused: pausedMessage(null),
  busy: BUSY_MESSAGE,
  AccessDenied: 'That account may not sign in to the console.',
};

type Search = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  if (await getCurrentOperator()) redirect('/');
  const search = await searchParams;
  const env = getEnv();
  const callbackUrl = safeCallbackPath(first(search.callbackUrl));
  // next-auth's own endpoint sends refused password sign-ins here with `?error=CredentialsSignin&code=`.
  const code = first(search.code);
  const reason = first(search.reason) ?? (code === 'paused' || code === 'busy' ? code : first(search.error));
  const notice = reason ? (REASONS[reason] ?? 'Sign-in did not complete. Try again.') : null;

  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-16">
      <div className="w-full max-w-md space-y-5">
        <div className="flex items-center justify-between">
          <div className="flex items-center gap-2.5">
            <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-solid text-sm font-bold text-white">
              C
            </span>
            <h1 className="text-xl font-semibold tracking-tight text-neutral-900">Sign in to Connect Console</h1>
          </div>
          <ModeBadge mode={stripeMode()} />
        </div>
        {notice ? (
          <p role="status" className="rounded-md border border-mode-test/30 bg-mode-test-soft px-3 py-2 text-sm text-mode-test-ink" data-testid="sign-in-notice">
            {notice}
          </p>
        ) : null}
        <div className="space-y-4 rounded-lg border border-neutral-200 bg-surface p-5 shadow-sm">
          {env.auth.oidc ? (
            <form action={signInWithSsoAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant={env.auth.credentialsEnabled ? 'secondary' : 'primary'} className="w-full" data-testid="sso-sign-in">
                Continue with {env.auth.oidc.name}
              </Button>
            </form>
          ) : null}
          {env.auth.oidc && env.auth.credentialsEnabled ? <div className="text-center text-xs text-neutral-500">or</div> : null}
          {env.auth.credentialsEnabled ? <PasswordForm callbackUrl={callbackUrl} /> : null}
          {!env.auth.oidc && !env.auth.credentialsEnabled ? (
            <p className="text-sm text-neutral-600">No sign-in method is configured. See the README&apos;s configuration section.</p>
          ) : null}
        </div>
        {env.usingEmulator && env.auth.credentialsEnabled ? (
          <DemoOperators operators={DEMO_OPERATORS} password={DEMO_PASSWORD} />
        ) : null}
      </div>
    </main>
  );
}
