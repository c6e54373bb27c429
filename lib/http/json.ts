// How every route handler answers a read: the data as JSON, or a failure in plain words with
// Stripe's request id, in the `{ error: { message, requestId } }` shape the browser's getJson
// (lib/http/get-json.ts) reads, never a stack trace. One rule for status codes:
// - an id that is not even shaped like one (`acct_` then letters and digits) is a 404, like an id
//   Stripe does not know: both name no object the operator can see, pages answer both with
//   notFound(), and Stripe itself answers a malformed id with 404 resource_missing;
// - an object that does not exist: 404;
// - any other request Stripe refused as invalid: 400 (the read asked for something impossible);
// - anything else (Stripe down, our key refused, a lost answer): 502, the upstream failed.
import 'server-only';
import Stripe from 'stripe';
import { isObjectId } from '@/lib/stripe/ids';
import { describeStripeError, summarizeErrorForLog, type PlainError } from '@/lib/stripe/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** An object our own lookup could not find (Stripe's 404s are recognised by their code). */
export class ObjectNotFound extends Error {}

export function isMissing(error: unknown): boolean {
  if (error instanceof ObjectNotFound) return true;
  return error instanceof Stripe.errors.StripeInvalidRequestError && (error.code === 'resource_missing' || error.statusCode === 404);
}

/** The status a failed read answers with (the rule above). */
export function statusOf(error: unknown): 404 | 400 | 502 {
  if (isMissing(error)) return 404;
  return error instanceof Stripe.errors.StripeInvalidRequestError ? 400 : 502;
}

export function errorResponse(status: number, message: string, requestId: string | null = null): Response {
  return Response.json({ error: { message, requestId } }, { status, headers: NO_STORE });
}

/** A failed read for a page's error box or an answer: our own "not found" in words, else Stripe's error mapped. */
export function describeReadError(error: unknown): PlainError {
  return error instanceof ObjectNotFound ? { title: 'Not found', message: error.message } : describeStripeError(error);
}

/** Answers `read()` as JSON, or its failure with the status the rule above gives. */
export async function readJson(label: string, read: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await read(), { headers: NO_STORE });
  } catch (error) {
    const plain = describeReadError(error);
    if (!isMissing(error)) console.error(`${label}: ${summarizeErrorForLog(error)}`);
    return errorResponse(statusOf(error), `${plain.title}: ${plain.message}`, plain.requestId ?? null);
  }
}

/** The `[id]` segment of a route, when it is shaped like an id of `prefix`; else null. */
export async function objectIdFrom(context: { params: Promise<{ id?: string }> }, prefix: string): Promise<string | null> {
  let id: string;
  try {
    id = decodeURIComponent((await context.params).id ?? '');
  } catch {
    return null;
  }
  return isObjectId(id, prefix) ? id : null;
}

/** The answer for an `[id]` that is not shaped like an id: 404, as the rule above says. */
export const notAnId = (noun: string, prefix: string): Response => errorResponse(404, `Not ${noun} id (${prefix}...).`);

/** A route handler reading one object by the `[id]` of its URL: `objectRead('tr_', 'a transfer', getTransfer)`. */
export function objectRead<T>(prefix: string, noun: string, load: (id: string) => Promise<T>) {
  return async (_request: Request, context: { params: Promise<{ id?: string }> }): Promise<Response> => {
    const id = await objectIdFrom(context, prefix);
    if (!id) return notAnId(noun, prefix);
    return readJson(`Reading ${noun} ${id}`, () => load(id));
  };
}

/** What a route handler's JSON would hold: the same shape for the server prefetch and the browser's fetch. */
export function toPlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
