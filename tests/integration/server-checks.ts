// Shared by the server-check tests of the money mutations (fees, transfers, top-ups): the
// emulator's control API (faults, the request log), one operator per role, and fresh money objects
// per test (a destination charge gives a new fee and a new transfer), so no test shares an object.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { ROLES, can, type Permission, type Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/open';
import { auditEntries } from '@/lib/db/schema';
import { createOperator } from '@/lib/operators/store';
import type { Harness } from '@/lib/emulator/tests/harness';

export type LoggedRequest = { method: string; path: string; status: number; idempotency_key: string | null; idempotent_replayed: boolean };

export function controlApi(h: Harness) {
  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${h.url}/_emulator${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(res.ok).toBe(true);
    return res.json();
  }
  return {
    addFault: async (rule: unknown) => ((await control('POST', '/faults', rule)) as { data: Array<{ id: string }> }).data.map((r) => r.id),
    clearFaults: () => control('DELETE', '/faults'),
    /** Every request the emulator logged, newest first. */
    requests: async () => ((await control('GET', '/requests')) as { data: LoggedRequest[] }).data,
    /** The POSTs the emulator received on this exact path, oldest first. */
    postsTo: async (path: string) => ((await control('GET', '/requests')) as { data: LoggedRequest[] }).data.filter((r) => r.method === 'POST' && r.path === path).reverse(),
  };
}

/** One operator of each role, as the session would hold them. */
export async function operatorsOfEveryRole(db: Db): Promise<Record<Role, SessionOperator>> {
  const made = {} as Record<Role, SessionOperator>;
  for (const role of ROLES) made[role] = { ...(await createOperator(db, { email: `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`, name: role, role })), lastSignInAt: null };
  return made;
}

/** The roles that may not do what the permission allows. */
export const rolesWithout = (permission: Permission): Role[] => ROLES.filter((role) => !can(role, permission));

export async function entriesFor(db: Db, idempotencyKey: string) {
  return db.select().from(auditEntries).where(eq(auditEntries.idempotencyKey, idempotencyKey));
}

export async function lastEntryOf(db: Db, operatorId: string) {
  return (await db.select().from(auditEntries).where(eq(auditEntries.operatorId, operatorId))).sort((a, b) => a.id - b.id).at(-1);
}

/** A connected account that can receive transfers in the currency's country (US for usd, JP for jpy). */
const receivers = new Map<string, string>();
async function receiverFor(h: Harness, country: string): Promise<string> {
  const known = receivers.get(country);
  if (known) return known;
  for await (const a of h.stripe.accounts.list({ limit: 100 })) {
    if (a.country === country && a.capabilities?.transfers === 'active') {
      receivers.set(country, a.id);
      return a.id;
    }
  }
  throw new Error(`The seed has no ${country} account that can receive transfers`);
}

/** A new destination charge: a fresh transfer and a fresh application fee, both in its currency. */
export async function freshCharge(h: Harness, { amount = 10_000, fee = 2_000, currency = 'usd', country = 'US' } = {}) {
  const destination = await receiverFor(h, country);
  const charge = await h.stripe.charges.create({ amount, currency, source: 'tok_bypassPending', application_fee_amount: fee, transfer_data: { destination } });
  return { transfer: charge.transfer as string, fee: charge.application_fee as string, destination };
}
