// Reads the emulator directly, so tests can compare what the page shows with what the backend holds.
import { emulatorUrl } from './env';

const EMULATOR_KEY = 'sk_test_emulator';

async function emulatorGet<T>(path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl()}${path}`, { headers: { Authorization: `Bearer ${EMULATOR_KEY}` } });
  if (!res.ok) throw new Error(`GET ${path} on the emulator answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every connected account, paging the list endpoint the same way a Stripe client would. */
export async function listEmulatorAccounts<T extends { id: string } = { id: string }>(): Promise<T[]> {
  const all: T[] = [];
  let startingAfter: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '100' });
    if (startingAfter) query.set('starting_after', startingAfter);
    const page = await emulatorGet<{ data: T[]; has_more: boolean }>(`/v1/accounts?${query}`);
    all.push(...page.data);
    const last = page.data.at(-1);
    if (!page.has_more || !last) return all;
    startingAfter = last.id;
  }
}

/** Counts connected accounts by paging the list endpoint. */
export async function countEmulatorAccounts(): Promise<number> {
  return (await listEmulatorAccounts()).length;
}
