// The app's configuration, read from the environment once per server process.
// Parsed on first use rather than at import, so `next build` does not need the runtime env.
import 'server-only';
import { parseEnv, type AppEnv } from '@/lib/env-schema';

export type { AppEnv };

let cached: AppEnv | undefined;

export function getEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
