// When a failed delivery is tried again: exponential backoff, compressed for local use. Stripe
// retries for up to three days; the emulator's first retry comes after `retryBaseMs` (10 s by
// default), each next one `retryFactor` times later (capped at an hour), and it gives up after
// `maxAttempts` tries in all (8 by default: about 21 minutes from the first to the last).
import { z } from 'zod';
import { envNumber } from '../faults';

export interface WebhookOptions {
  /** Delay before the first retry (ms). */
  retryBaseMs: number;
  /** Each next retry waits this many times longer. */
  retryFactor: number;
  /** Tries in all, the first included; after the last the delivery is given up. */
  maxAttempts: number;
  /** An attempt that has no answer within this is a failure (ms). */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { retryBaseMs: 10_000, retryFactor: 2, maxAttempts: 8, timeoutMs: 10_000 };

/** No wait is longer than an hour (Node's timers also cannot wait beyond 24.8 days). */
export const MAX_RETRY_DELAY_MS = 3_600_000;

const limits = {
  retryBaseMs: z.number().int().min(1).max(MAX_RETRY_DELAY_MS),
  retryFactor: z.number().min(1).max(10),
  maxAttempts: z.number().int().min(1).max(50),
  timeoutMs: z.number().int().min(1).max(120_000),
};

const optionsSchema = z.strictObject({
  retryBaseMs: limits.retryBaseMs.optional(),
  retryFactor: limits.retryFactor.optional(),
  maxAttempts: limits.maxAttempts.optional(),
  timeoutMs: limits.timeoutMs.optional(),
});

/** The defaults with `given` over them; throws naming the bad option (EmulatorOptions.webhooks). */
export function webhookOptions(given: Partial<WebhookOptions> = {}): WebhookOptions {
  const parsed = optionsSchema.safeParse(given);
  if (!parsed.success) throw new Error(`Invalid webhook options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_WEBHOOK_OPTIONS, ...defined };
}

/** The wait (ms) after failed attempt number `attempt` (1 for the first) before the next one. */
export function retryDelay(attempt: number, o: Pick<WebhookOptions, 'retryBaseMs' | 'retryFactor'>): number {
  return Math.min(MAX_RETRY_DELAY_MS, Math.round(o.retryBaseMs * o.retryFactor ** (attempt - 1)));
}

/** The webhook variables of the environment (merged into main.ts's schema). */
export const webhookEnvShape = {
  EMULATOR_WEBHOOK_RETRY_BASE_MS: envNumber(limits.retryBaseMs),
  EMULATOR_WEBHOOK_RETRY_FACTOR: envNumber(limits.retryFactor),
  EMULATOR_WEBHOOK_MAX_ATTEMPTS: envNumber(limits.maxAttempts),
  EMULATOR_WEBHOOK_TIMEOUT_MS: envNumber(limits.timeoutMs),
};

type WebhookEnv = { [K in keyof typeof webhookEnvShape]?: number };

/** EmulatorOptions.webhooks from the environment (only what is set). */
export function webhookEnvOptions(env: WebhookEnv): Partial<WebhookOptions> {
  const out: Partial<WebhookOptions> = {};
  if (env.EMULATOR_WEBHOOK_RETRY_BASE_MS !== undefined) out.retryBaseMs = env.EMULATOR_WEBHOOK_RETRY_BASE_MS;
  if (env.EMULATOR_WEBHOOK_RETRY_FACTOR !== undefined) out.retryFactor = env.EMULATOR_WEBHOOK_RETRY_FACTOR;
  if (env.EMULATOR_WEBHOOK_MAX_ATTEMPTS !== undefined) out.maxAttempts = env.EMULATOR_WEBHOOK_MAX_ATTEMPTS;
  if (env.EMULATOR_WEBHOOK_TIMEOUT_MS !== undefined) out.timeoutMs = env.EMULATOR_WEBHOOK_TIMEOUT_MS;
  return out;
}
