// The typed result every server action returns, and the idempotency key every mutating form
// sends. Client-safe: forms import these types and the key maker.
import { z } from 'zod';

export type ActionSuccess<T> = { ok: true; data: T };
export type ActionFailure = {
  ok: false;
  /** Plain words for the operator. */
  error: string;
  /** Stripe's request id when the backend answered, to quote when asking for help. */
  requestId?: string;
  /** Per-field messages when the input did not pass the form's schema. */
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T> = ActionSuccess<T> | ActionFailure;

/** Made by the form when it opens (or its review step does), so a retried submit is one change. */
export const idempotencyKeySchema = z
  .string({ message: 'is missing' })
  .regex(/^[A-Za-z0-9_-]{16,255}$/, { message: 'must be 16 to 255 letters, digits, - or _' });

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** An expected failure an action reports in words (thrown inside an action's `run`). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
