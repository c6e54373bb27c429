// The typed result every server action returns, and the idempotency key every mutating form
// sends. Client-safe: forms import these types and the key maker. Free of zod, since the shell
// (every page) imports the key maker; the server's check of a key is in idempotency-key.ts.

export type ActionSuccess<T> = { ok: true; data: T };
export type ActionFailure = {
  ok: false;
  /** Plain words for the operator. */
  error: string;
  /** Stripe's request id when the backend answered, to quote when asking for help. */
  requestId?: string;
  /** Per-field messages when the input did not pass the form's schema. */
  fieldErrors?: Record<string, string[]>;
  /**
   * Set when the change may or may not have happened (Stripe's answer was lost): the audit entry
   * and the request key to follow (GET /api/requests/:key) until the console has found out.
   */
  unknown?: { auditId: number; idempotencyKey: string };
  /** Set when the action was refused because an earlier request on the same object is unresolved: the screen follows that one. */
  blockedBy?: { auditId: number; idempotencyKey: string | null };
  /** Set when the object changed since the operator's review, so nothing was sent: the form reviews again with the current figures. */
  changed?: true;
  /** Set when a four-eyes policy covers this action: nothing was sent; the form offers to request approval instead. */
  approvalRequired?: true;
};
export type ActionResult<T> = ActionSuccess<T> | ActionFailure;

/**
 * What a Stripe write reports to the action wrapper: its data, Stripe's request id, the object it
 * made (for the audit log), and, when an earlier attempt of the same request had already gone
 * through, how that was found out (e.g. by the request key in a reversal's metadata).
 */
export type Written<T> = { data: T; requestId: string | null; resultId?: string | null; foundBy?: string | null };

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** An expected failure an action reports in words (thrown inside an action's `run`). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
    /** The object changed since the review (see ActionFailure.changed). */
    readonly changed = false,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/**
 * A refusal by the server's rules (the requester approving their own request, a request no longer
 * pending): nothing was tried, so the audit entry is `denied`, and it records `logWords`, the
 * refusal said of the operator rather than to them ("The requester cannot approve their own request.").
 */
export class ActionRefused extends ActionError {
  constructor(
    message: string,
    readonly logWords: string = message,
  ) {
    super(message);
    this.name = 'ActionRefused';
  }
}
