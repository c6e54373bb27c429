// The account route handlers' answers: the view as JSON, or a Stripe failure in plain words with
// its request id (the shape lib/accounts/keys.ts reads), never a stack trace.
import 'server-only';
import Stripe from 'stripe';
import { isObjectId } from '@/lib/auth/routes';
import { describeStripeError, summarizeErrorForLog } from '@/lib/stripe/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function errorResponse(status: number, message: string, requestId: string | null = null): Response {
  return Response.json({ error: { message, requestId } }, { status, headers: NO_STORE });
}

/** Answers `load()` as JSON; a Stripe error keeps Stripe's status (404 for an unknown account). */
export async function respondWith<T>(what: string, load: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await load(), { headers: NO_STORE });
  } catch (error) {
    console.error(`Reading ${what} failed: ${summarizeErrorForLog(error)}`);
    const plain = describeStripeError(error);
    const status = error instanceof Stripe.errors.StripeError && error.statusCode && error.statusCode < 500 ? error.statusCode : 502;
    return errorResponse(status, `${plain.title}: ${plain.message}`, plain.requestId ?? null);
  }
}

/** The `[id]` of an account route, checked for shape before it reaches Stripe. */
export async function accountIdFrom(context: { params: Promise<{ id?: string }> }): Promise<string | null> {
  const id = decodeURIComponent((await context.params).id ?? '');
  return isObjectId(id, 'acct_') ? id : null;
}

/** A route handler for one view of one account. */
export function accountView<T>(what: string, load: (id: string) => Promise<T>) {
  return async (_request: Request, context: { params: Promise<{ id?: string }> }): Promise<Response> => {
    const id = await accountIdFrom(context);
    if (!id) return errorResponse(400, 'Not an account id (acct_...).');
    return respondWith(`${what} of ${id}`, () => load(id));
  };
}
