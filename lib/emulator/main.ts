// `npm run emulator`: the Stripe-compatible emulator on 127.0.0.1, configured from the environment.
import { z } from 'zod';
import { startEmulator } from './server';
import { DEFAULT_API_VERSION, isValidVersion } from './core/versions';
import { faultEnvRules, faultEnvShape } from './faults';
import { webhookEnvOptions, webhookEnvShape } from './webhooks/backoff';

const Env = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  EMULATOR_SEED: z.enum(['demo', 'empty']).default('demo'),
  EMULATOR_API_VERSION: z
    .string()
    .refine(isValidVersion, 'must look like 2024-06-20 or 2026-10-28.endive')
    .default(DEFAULT_API_VERSION),
  // Fault injection at start (lib/emulator/README.md, "Fault injection").
  ...faultEnvShape,
  // Webhook retries and timeout (lib/emulator/README.md, "Webhooks").
  ...webhookEnvShape,
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`[emulator] ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;

async function main(): Promise<void> {
  const faults = faultEnvRules(env);
  const running = await startEmulator({
    port: env.EMULATOR_PORT,
    seed: env.EMULATOR_SEED,
    apiVersion: env.EMULATOR_API_VERSION,
    faults,
    faultSeed: env.EMULATOR_FAULT_SEED,
    webhooks: webhookEnvOptions(env),
  });
  const counts = running.emulator.worlds.test.accounts.size;
  console.log(`[emulator] listening on ${running.url} (seed ${env.EMULATOR_SEED}: ${counts} test-mode accounts; default API version ${env.EMULATOR_API_VERSION})`);
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
