// Money fixtures for the fee, transfer and top-up journeys: each test makes its own objects through
// the emulator's Stripe API (a destination charge with an application fee gives a fresh fee and a
// fresh transfer), so journeys running in parallel never share one; and it reads back what the
// emulator holds and what it was sent (the control API's request log).
import { emulatorUrl } from './env';

const KEY = 'sk_test_emulator';
const headers = { Authorization: `Bearer ${KEY}` };

export async function stripeGet<T>(path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl()}${path}`, { headers });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function stripePost<T>(path: string, form: Record<string, string>): Promise<T> {
  const res = await fetch(`${emulatorUrl()}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulatorUrl()}/_emulator${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} /_emulator${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Fault rules (see lib/emulator/README.md); each test removes the rules it added. */
export async function addFault(rule: unknown): Promise<string> {
  const made = (await control('POST', '/faults', rule)) as { data?: Array<{ id: string }>; id?: string } | Array<{ id: string }>;
  const list = Array.isArray(made) ? made : (made.data ?? [made as { id: string }]);
  return list[0].id;
}

export async function removeFault(id: string): Promise<void> {
  await fetch(`${emulatorUrl()}/_emulator/faults/${id}`, { method: 'DELETE' });
}

export type LoggedRequest = { method: string; path: string; status: number; idempotency_key: string | null; idempotent_replayed: boolean };

/** The emulator's request log entries for one method and path, oldest first. */
export async function requestsTo(method: string, path: string): Promise<LoggedRequest[]> {
  const log = (await control('GET', '/requests')) as { data: LoggedRequest[] };
  return log.data.filter((r) => r.method === method && r.path === path).reverse();
}

let accountCache: string | null = null;

/** A US connected account that can receive transfers. */
export async function receivingAccount(): Promise<string> {
  if (accountCache) return accountCache;
  let after: string | undefined;
  for (;;) {
    const page = await stripeGet<{ data: Array<{ id: string; country: string; capabilities?: Record<string, string> }>; has_more: boolean }>(
      `/v1/accounts?limit=100${after ? `&starting_after=${after}` : ''}`,
    );
    const found = page.data.find((a) => a.country === 'US' && a.capabilities?.transfers === 'active');
    if (found) return (accountCache = found.id);
    if (!page.has_more) throw new Error('No US account with active transfers in the demo seed');
    after = page.data.at(-1)!.id;
  }
}

/** A fresh destination charge with an application fee: its fee and its transfer. */
export async function freshChargeWithFee(amount = 10000, fee = 2500): Promise<{ charge: string; fee: string; transfer: string; account: string }> {
  const account = await receivingAccount();
  const charge = await stripePost<{ id: string; application_fee: string; transfer: string }>('/v1/charges', {
    amount: String(amount),
    currency: 'usd',
    source: 'tok_bypassPending',
    application_fee_amount: String(fee),
    'transfer_data[destination]': account,
  });
  return { charge: charge.id, fee: charge.application_fee, transfer: charge.transfer, account };
}
