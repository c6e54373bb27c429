// How the money route handlers (fees, transfers, top-ups, balance) answer a read: the data as
// JSON, or a Stripe failure in plain words with its request id (404 when Stripe has no such
// object), in the `{ error: { message, requestId } }` shape the browser's getJson reads.
import 'server-only';
import Stripe from 'stripe';
import { describeStripeError, summarizeErrorForLog, type PlainError } from '@/lib/stripe/errors';

/** An object our own lookup could not find (Stripe's 404s are recognised by their code). */
export class ObjectNotFound extends Error {}

export function isMissing(error: unknown): boolean {
  if (error instanceof ObjectNotFound) return true;
  return error instanceof Stripe.errors.StripeInvalidRequestError && (error.code === 'resource_missing' || error.statusCode === 404);
}

export async function readJson(label: string, read: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await read(), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const plain = error instanceof ObjectNotFound ? { title: 'Not found', message: error.message, requestId: undefined } : describeStripeError(error);
    if (!isMissing(error)) console.error(`${label}: ${summarizeErrorForLog(error)}`);
    return Response.json(
      { error: { message: `${plain.title}: ${plain.message}`, requestId: plain.requestId ?? null } },
      { status: isMissing(error) ? 404 : 502, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

/** A CSV download answer. */
export function csvResponse(name: string, body: string): Response {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** What a route handler's JSON would hold: the same shape for the server prefetch and the browser's fetch. */
export function toPlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A failed read for a page's error box: our own "not found" in words, else Stripe's error mapped. */
export function describeReadError(error: unknown): PlainError {
  return error instanceof ObjectNotFound ? { title: 'Not found', message: error.message } : describeStripeError(error);
}
