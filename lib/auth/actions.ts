'use server';
// Signing in and out. Sign-in goes through next-auth (which audits it); signing out everywhere
// is a mutation like any other, so it goes through the safe action wrapper and the audit log.
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/safe-action';
import { recordAuditEvent } from '@/lib/audit/store';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { CREDENTIALS_PROVIDER_ID, OIDC_PROVIDER_ID, signIn, signOut } from '@/lib/auth/config';
import { getCurrentOperator } from '@/lib/auth/current-operator';
import { revokeAllOperatorSessions } from '@/lib/auth/session-store';
import { SignInBusyError, SignInPausedError } from '@/lib/auth/sign-in-errors';
import { BUSY_MESSAGE, pausedMessage, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/sign-in-messages';
import { getDb } from '@/lib/db/client';
import { revokeSessions } from '@/lib/operators/store';
import { stripeMode } from '@/lib/stripe/client';

export type SignInState = { error?: string };

export async function signInWithPasswordAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn(CREDENTIALS_PROVIDER_ID, {
      email: form.get('email'),
      password: form.get('password'),
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
    });
    return {};
  } catch (error) {
    // A successful sign-in "throws" Next's redirect: let it through.
    if (error instanceof SignInPausedError) return { error: pausedMessage(error.until) };
    if (error instanceof SignInBusyError) return { error: BUSY_MESSAGE };
    if (error instanceof AuthError) return { error: WRONG_CREDENTIALS_MESSAGE };
    throw error;
  }
}

export async function signInWithSsoAction(form: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(form.get('callbackUrl')) });
}

export async function signOutAction(): Promise<void> {
  const operator = await getCurrentOperator();
  if (operator) {
    await recordAuditEvent(
      await getDb(),
      { operator, action: 'operator.sign_out', targetId: operator.id, mode: stripeMode() },
      { outcome: 'succeeded' },
    ).catch(() => undefined);
  }
  await signOut({ redirectTo: '/sign-in' });
}

/** Ends every session of the signed-in operator, on every device, this one included. */
export const signOutEverywhereAction = defineAction({
  name: 'signOutEverywhere',
  permission: null,
  schema: z.object({}),
  audit: { action: 'operator.sign_out_everywhere', targetId: (_input, operator) => operator.id, params: () => ({}) },
  run: async (_input, { db, operator }) => {
    // The version bump ends tokens whatever their row says; the rows record that they ended.
    await revokeSessions(db, operator.id);
    await revokeAllOperatorSessions(db, operator.id, new Date());
    return { data: null };
  },
});
