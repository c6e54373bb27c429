// Stripe's error shape, in one place: every failure the emulator answers is a StripeApiError.

export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error'
  | 'authentication_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
}

export class StripeApiError extends Error {
  /** Validation failures are not stored under an idempotency key (Stripe saves only requests that began executing). */
  readonly beforeExecution: boolean;

  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    opts: { beforeExecution?: boolean } = {},
  ) {
    super(body.message);
    this.beforeExecution = opts.beforeExecution ?? false;
  }

  toJSON(requestId: string): { error: StripeErrorBody & { request_log_url: string } } {
    const doc = this.body.code ? { doc_url: `https://stripe.com/docs/error-codes/${this.body.code.replace(/_/g, '-')}` } : {};
    return { error: { ...doc, ...this.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } };
  }
}

export const invalidRequest = (message: string, extra: Partial<StripeErrorBody> = {}, status = 400) =>
  new StripeApiError(status, { type: 'invalid_request_error', message, ...extra });

/** The 400 a bad parameter gets before anything runs. */
export const paramError = (message: string, param: string, code?: string) =>
  new StripeApiError(400, { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) }, { beforeExecution: true });

/** Stripe's answer for an id that does not exist (or belongs to the other mode). */
export const noSuch = (what: string, id: string, param = 'id') =>
  new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}: '${id}'`, param });

export const unrecognizedUrl = (method: string, path: string) =>
  new StripeApiError(
    404,
    {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
    { beforeExecution: true },
  );
