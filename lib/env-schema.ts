// Turns raw environment variables into the app's typed configuration, with errors an operator
// can act on. Pure (no `server-only`) so unit tests can import it; lib/env.ts is the app's entry.
import { z } from 'zod';

export const DEFAULT_EMULATOR_PORT = 12111;

const KEY_PREFIXES = ['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'] as const;

// An empty value (`STRIPE_SECRET_KEY=` in a .env file) means "not set", not "invalid".
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const envSchema = z.object({
  STRIPE_SECRET_KEY: optionalString.refine(
    (key) => key === undefined || KEY_PREFIXES.some((prefix) => key.startsWith(prefix) && key.length > prefix.length),
    // Never echo the value: it is a secret.
    { message: `must start with ${KEY_PREFIXES.join(', ')} followed by the key` },
  ),
  STRIPE_API_BASE: optionalString.refine(
    (base) => base === undefined || isHttpUrl(base),
    { message: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:12111' },
  ),
  EMULATOR_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a whole number' })
      .int({ message: 'must be a whole number' })
      .min(1, { message: 'must be between 1 and 65535' })
      .max(65535, { message: 'must be between 1 and 65535' })
      .default(DEFAULT_EMULATOR_PORT),
  ),
});

export type AppEnv = {
  /** The configured Stripe key, or undefined when the app should talk to the local emulator. */
  stripeSecretKey: string | undefined;
  /** Where Stripe API calls go; undefined means Stripe's own API (api.stripe.com). */
  stripeApiBase: string | undefined;
  emulatorPort: number;
  /** True when no key is set: the app uses the emulator's key and address. */
  usingEmulator: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
    );
  }
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE, EMULATOR_PORT } = result.data;
  const usingEmulator = STRIPE_SECRET_KEY === undefined;
  return {
    stripeSecretKey: STRIPE_SECRET_KEY,
    stripeApiBase:
      STRIPE_API_BASE ?? (usingEmulator ? `http://127.0.0.1:${EMULATOR_PORT}` : undefined),
    emulatorPort: EMULATOR_PORT,
    usingEmulator,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
