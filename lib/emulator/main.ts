// `npm run emulator`: the Stripe-compatible emulator on 127.0.0.1, configured from the environment.
import { z } from 'zod';
import { MAX_SCALE_ACCOUNTS, MIN_SCALE_ACCOUNTS, SEED_NAMES } from './seed';
import { startEmulator } from './server';
import { DEFAULT_API_VERSION, isValidVersion } from './core/versions';
import { faultEnvRules, faultEnvShape } from './faults';
import { webhookEnvOptions, webhookEnvShape } from './webhooks/backoff';

const Env = z
  .object({
    EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
    EMULATOR_SEED: z.enum(SEED_NAMES).default('demo'),
    // The scale seed's size (lib/emulator/README.md); only with EMULATOR_SEED=scale.
    EMULATOR_SCALE_ACCOUNTS: z.coerce.number().int().min(MIN_SCALE_ACCOUNTS).max(MAX_SCALE_ACCOUNTS).optional(),
    EMULATOR_API_VERSION: z
      .string()
      .refine(isValidVersion, 'must look like 2024-06-20 or 2026-10-28.endive')
      .default(DEFAULT_API_VERSION),
    // Fault injection at start (lib/emulator/README.md, "Fault injection").
    ...faultEnvShape,
    // Webhook retries and timeout (lib/emulator/README.md, "Webhooks").
    ...webhookEnvShape,
  })
  .refine((e) => e.EMULATOR_SCALE_ACCOUNTS === undefined || e.EMULATOR_SEED === 'scale', {
    path: ['EMULATOR_SCALE_ACCOUNTS'],
    message: 'applies to EMULATOR_SEED=scale only',
  });

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`[emulator] ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;

async function main(): Promise<void> {
  const faults = faultEnvRules(env);
  const started = performance.now();
  const running = await startEmulator({
    port: env.EMULATOR_PORT,
    seed: env.EMULATOR_SEED,
    scaleAccounts: env.EMULATOR_SCALE_ACCOUNTS,
    apiVersion: env.EMULATOR_API_VERSION,
    faults,
    faultSeed: env.EMULATOR_FAULT_SEED,
    webhooks: webhookEnvOptions(env),
  });
  const counts = running.emulator.worlds.test.accounts.size.toLocaleString('en-US');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[emulator] listening on ${running.url} (seed ${env.EMULATOR_SEED}: ${counts} test-mode accounts, made in ${seconds} s; default API version ${env.EMULATOR_API_VERSION})`);
  const hooks = running.emulator.webhooks.options;
  console.log(`[emulator] webhooks: timeout ${hooks.timeoutMs} ms, ${hooks.maxAttempts} tries, first retry after ${hooks.retryBaseMs} ms (x${hooks.retryFactor} each next one); deliveries at ${running.url}/_emulator/`);
  for (const rule of running.emulator.faults.list()) {
    const what = rule.kind === 'latency' ? `latency ${rule.ms} ms + up to ${rule.jitter_ms} ms jitter` : `error ${rule.status} at rate ${rule.rate}`;
    console.log(`[emulator] fault ${rule.id}: ${what} for ${rule.method ?? 'any method'} ${rule.path}`);
  }
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('[emulator] failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
