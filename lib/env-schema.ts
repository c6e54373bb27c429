// Turns raw environment variables into the app's typed configuration, with errors an operator
// can act on. Pure (no `server-only`) so unit tests can import it; lib/env.ts is the app's entry.
import { z } from 'zod';

export const DEFAULT_EMULATOR_PORT = 12111;
export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 30 * 60;
export const DEFAULT_MAX_SESSION_HOURS = 12;

const KEY_PREFIXES = ['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'] as const;

// An empty value (`STRIPE_SECRET_KEY=` in a .env file) means "not set", not "invalid".
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a whole number' })
      .int({ message: 'must be a whole number' })
      .min(min, { message: `must be between ${min} and ${max}` })
      .max(max, { message: `must be between ${min} and ${max}` })
      .default(fallback),
  );

/** A comma-separated list, trimmed and lower-cased (e-mail addresses and domains). */
const lowerList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    ),
);

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
  // Comma-separated: one signing secret per webhook endpoint (the platform's and the Connect one).
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean))
      // Never echo the value: it is a secret.
      .refine((secrets) => secrets.every((secret) => secret.startsWith('whsec_') && secret.length > 'whsec_'.length), {
        message: 'must be whsec_ signing secrets (one per webhook endpoint, separated by commas)',
      }),
  ),
  EMULATOR_PORT: wholeNumber(1, 65535, DEFAULT_EMULATOR_PORT),
  // Set by npm start / npm run dev (scripts/lib/run-app.mjs), which restart the emulator if it exits.
  CONSOLE_EMULATOR_SUPERVISED: z.preprocess(emptyToUndefined, z.enum(['1', '0']).optional()),
  CONSOLE_DATA_DIR: optionalString,
  DATABASE_URL: optionalString.refine(
    (url) => url === undefined || /^postgres(ql)?:\/\//.test(url),
    { message: 'must be a postgres:// or postgresql:// connection string' },
  ),
  DATABASE_MIGRATION_URL: optionalString.refine(
    (url) => url === undefined || /^postgres(ql)?:\/\//.test(url),
    { message: 'must be a postgres:// or postgresql:// connection string (the role that owns the tables)' },
  ),
  AUDIT_CHAIN_KEY: optionalString.refine((key) => key === undefined || key.length >= 32, {
    message: 'must be at least 32 characters (try: openssl rand -base64 33)',
  }),
  AUTH_SECRET: optionalString.refine((secret) => secret === undefined || secret.length >= 32, {
    message: 'must be at least 32 characters (try: openssl rand -base64 33)',
  }),
  AUTH_IDLE_TIMEOUT_SECONDS: wholeNumber(1, 7 * 24 * 3600, DEFAULT_IDLE_TIMEOUT_SECONDS),
  AUTH_MAX_SESSION_HOURS: wholeNumber(1, 24 * 30, DEFAULT_MAX_SESSION_HOURS),
  AUTH_CREDENTIALS: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  AUTH_OIDC_ISSUER: optionalString.refine((url) => url === undefined || isHttpUrl(url), {
    message: 'must be the https:// URL of the OpenID Connect issuer',
  }),
  AUTH_OIDC_CLIENT_ID: optionalString,
  AUTH_OIDC_CLIENT_SECRET: optionalString,
  AUTH_OIDC_NAME: optionalString,
  AUTH_ALLOWED_EMAIL_DOMAINS: lowerList,
  AUTH_ADMIN_EMAILS: lowerList,
});

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button label on the sign-in page, e.g. "Okta". */
  name: string;
  /** Only addresses at these domains may sign in (at least one). */
  allowedDomains: string[];
};

export type AuthEnv = {
  /** From AUTH_SECRET; undefined on the emulator, where one is generated and kept in the data folder. */
  secret: string | undefined;
  idleTimeoutSeconds: number;
  maxSessionHours: number;
  /** Whether e-mail + password sign-in is offered (the demo operators live there on the emulator). */
  credentialsEnabled: boolean;
  oidc: OidcConfig | undefined;
  /** OIDC operators with these addresses become admins on their first sign-in. */
  adminEmails: string[];
};

export type AppEnv = {
  /** The configured Stripe key, or undefined when the app should talk to the local emulator. */
  stripeSecretKey: string | undefined;
  /** Where Stripe API calls go; undefined means Stripe's own API (api.stripe.com). */
  stripeApiBase: string | undefined;
  /** The webhook endpoints' signing secrets (STRIPE_WEBHOOK_SECRET); none: the webhook route refuses every event. */
  stripeWebhookSecrets: string[];
  emulatorPort: number;
  /** True when no key is set: the app uses the emulator's key and address. */
  usingEmulator: boolean;
  /** True when the start script runs the emulator and restarts it if it exits. */
  emulatorSupervised: boolean;
  /** Where the embedded database (and, on the emulator, the generated auth secret) live. */
  dataDir: string;
  /** PostgreSQL instead of the embedded PGlite database: the app's own role. */
  databaseUrl: string | undefined;
  /** The role that owns the tables: migrates and grants the app's role its rights at start. */
  databaseMigrationUrl: string | undefined;
  /** Keys the audit log's hash chain; undefined on the emulator, where one is generated into the data folder. */
  auditChainKey: string | undefined;
  auth: AuthEnv;
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
  const data = result.data;
  const usingEmulator = data.STRIPE_SECRET_KEY === undefined;
  const problems: string[] = [];

  const oidcParts = [data.AUTH_OIDC_ISSUER, data.AUTH_OIDC_CLIENT_ID, data.AUTH_OIDC_CLIENT_SECRET];
  let oidc: OidcConfig | undefined;
  if (oidcParts.some((part) => part !== undefined)) {
    if (oidcParts.some((part) => part === undefined)) {
      problems.push('AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET must be set together');
    } else if (data.AUTH_ALLOWED_EMAIL_DOMAINS.length === 0) {
      problems.push('AUTH_ALLOWED_EMAIL_DOMAINS must name the e-mail domain(s) allowed to sign in with OpenID Connect, e.g. example.com');
    } else {
      oidc = {
        issuer: data.AUTH_OIDC_ISSUER!,
        clientId: data.AUTH_OIDC_CLIENT_ID!,
        clientSecret: data.AUTH_OIDC_CLIENT_SECRET!,
        name: data.AUTH_OIDC_NAME ?? 'Single sign-on',
        allowedDomains: data.AUTH_ALLOWED_EMAIL_DOMAINS,
      };
    }
  }

  // Password sign-in is the embedded default; against real Stripe it needs an explicit opt-in.
  const credentialsEnabled = data.AUTH_CREDENTIALS === 'auto' ? usingEmulator : data.AUTH_CREDENTIALS === 'on';
  if (data.DATABASE_MIGRATION_URL !== undefined && data.DATABASE_URL === undefined) {
    problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL (the app\'s own role) as well');
  }
  if (!usingEmulator) {
    if (data.AUTH_SECRET === undefined) {
      problems.push('AUTH_SECRET must be set when STRIPE_SECRET_KEY is (try: openssl rand -base64 33)');
    }
    if (data.AUDIT_CHAIN_KEY === undefined) {
      problems.push('AUDIT_CHAIN_KEY must be set when STRIPE_SECRET_KEY is (try: openssl rand -base64 33); keep it away from the database');
    }
    if (!credentialsEnabled && !oidc && problems.length === 0) {
      problems.push(
        'no sign-in method: with STRIPE_SECRET_KEY set, configure OpenID Connect (AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_ALLOWED_EMAIL_DOMAINS) or set AUTH_CREDENTIALS=on',
      );
    }
  }
  if (problems.length > 0) throw new EnvError(problems);

  return {
    stripeSecretKey: data.STRIPE_SECRET_KEY,
    stripeApiBase: data.STRIPE_API_BASE ?? (usingEmulator ? `http://127.0.0.1:${data.EMULATOR_PORT}` : undefined),
    stripeWebhookSecrets: data.STRIPE_WEBHOOK_SECRET,
    emulatorPort: data.EMULATOR_PORT,
    usingEmulator,
    emulatorSupervised: usingEmulator && data.CONSOLE_EMULATOR_SUPERVISED === '1',
    dataDir: data.CONSOLE_DATA_DIR ?? DEFAULT_DATA_DIR,
    databaseUrl: data.DATABASE_URL,
    databaseMigrationUrl: data.DATABASE_MIGRATION_URL,
    auditChainKey: data.AUDIT_CHAIN_KEY,
    auth: {
      secret: data.AUTH_SECRET,
      idleTimeoutSeconds: data.AUTH_IDLE_TIMEOUT_SECONDS,
      maxSessionHours: data.AUTH_MAX_SESSION_HOURS,
      credentialsEnabled,
      oidc,
      adminEmails: data.AUTH_ADMIN_EMAILS,
    },
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
