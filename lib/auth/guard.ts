// The one gate in front of every page, route handler and server action: who is signed in (from
// the database, not the token) and whether their role has the permission, checked before any
// Stripe call. Pages redirect or render "forbidden"; handlers and actions get a result to return.
import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { decideAccess, REFUSAL_MESSAGES, REFUSAL_STATUS, type AccessDecision } from '@/lib/auth/access';
import { getCurrentOperator, type SessionOperator } from '@/lib/auth/current-operator';
import type { Permission } from '@/lib/auth/permissions';

export type { SessionOperator };

/** For server components: the signed-in operator, or a redirect to the sign-in page. */
export async function requireOperator(): Promise<SessionOperator> {
  const operator = await getCurrentOperator();
  if (!operator) redirect('/sign-in');
  return operator;
}

/** For server components: the operator if their role has `permission`; otherwise sign-in or 403. */
export async function requirePermission(permission: Permission): Promise<SessionOperator> {
  const decision = decideAccess(await getCurrentOperator(), permission);
  if (decision.ok) return decision.operator;
  if (decision.reason === 'signed-out') redirect('/sign-in');
  forbidden();
}

/** For actions and route handlers: the decision, never a throw. */
export async function checkPermission(permission: Permission | null): Promise<AccessDecision<SessionOperator>> {
  return decideAccess(await getCurrentOperator(), permission);
}

/** A route handler's refusal: 401 signed out, 403 forbidden, in the same JSON shape as our errors. */
export function refusalResponse(reason: 'signed-out' | 'forbidden'): Response {
  return Response.json({ error: REFUSAL_MESSAGES[reason] }, { status: REFUSAL_STATUS[reason], headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Wraps a GET/POST route handler: the permission is checked before the handler (and so before any
 * Stripe call) runs; the handler receives the operator.
 */
export function withPermission<Ctx>(
  permission: Permission,
  handler: (request: Request, context: Ctx & { operator: SessionOperator }) => Promise<Response>,
): (request: Request, context: Ctx) => Promise<Response> {
  return async (request, context) => {
    const decision = await checkPermission(permission);
    if (!decision.ok) return refusalResponse(decision.reason);
    return handler(request, { ...context, operator: decision.operator });
  };
}
