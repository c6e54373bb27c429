// The account journeys' view of the emulator: reads and writes through its API (as the pinned
// SDK version sees them), its request log, and the ids of the server actions in the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emulatorUrl } from './env';

const KEY = 'sk_test_emulator';
const PINNED = '2026-10-28.endive';

export type EmulatorAccount = {
  id: string;
  type: string;
  business_type: string | null;
  requirements: { disabled_reason: string | null; past_due: string[] };
};

/** A call to the emulator's API; `stripeAccount` acts on a connected account's behalf (its own charges, warnings, reviews). */
export async function emulatorApi<T>(method: string, apiPath: string, form?: Record<string, string>, stripeAccount?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${emulatorUrl()}${apiPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${KEY}`,
      'Stripe-Version': PINNED,
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...(stripeAccount ? { 'Stripe-Account': stripeAccount } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

export type LoggedRequest = { method: string; path: string; status: number; idempotency_key: string | null; idempotent_replayed: boolean };

/** The emulator's request log entries for one method and path. */
export async function requestsTo(method: string, apiPath: string): Promise<LoggedRequest[]> {
  const log = (await (await fetch(`${emulatorUrl()}/_emulator/requests`)).json()) as { data: LoggedRequest[] };
  return log.data.filter((r) => r.method === method && r.path === apiPath);
}

/** The id Next gave a server action in this build (for calling it directly, as a forger would). */
export function serverActionId(file: string, exportName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportName);
  if (!hit) throw new Error(`No server action ${exportName} from ${file} in the build`);
  return hit[0];
}
