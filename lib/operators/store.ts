// Reading and writing operators. Every function takes the database, so the same code runs (and
// is tested) on PGlite and PostgreSQL; the app passes `await getDb()`.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/open';
import { operators, type OperatorRow } from '@/lib/db/schema';
import { newOperatorId } from '@/lib/operators/ids';

/** What the rest of the app knows about an operator: never the password hash. */
export type Operator = Pick<
  OperatorRow,
  'id' | 'email' | 'name' | 'role' | 'active' | 'isDemo' | 'sessionVersion' | 'createdAt' | 'lastSignInAt'
>;

/** The operator's columns every read returns (never the password hash). */
export const publicColumns = {
  id: operators.id,
  email: operators.email,
  name: operators.name,
  role: operators.role,
  active: operators.active,
  isDemo: operators.isDemo,
  sessionVersion: operators.sessionVersion,
  createdAt: operators.createdAt,
  lastSignInAt: operators.lastSignInAt,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getOperatorById(db: Db, id: string): Promise<Operator | null> {
  const [row] = await db.select(publicColumns).from(operators).where(eq(operators.id, id)).limit(1);
  return row ?? null;
}

/** For password sign-in only: the one read that returns the hash. */
export async function getOperatorCredentials(
  db: Db,
  email: string,
): Promise<(Operator & { passwordHash: string | null }) | null> {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: operators.passwordHash })
    .from(operators)
    .where(eq(operators.email, normalizeEmail(email)))
    .limit(1);
  return row ?? null;
}

export async function listOperators(db: Db): Promise<Operator[]> {
  return db.select(publicColumns).from(operators).orderBy(asc(operators.name), asc(operators.email));
}

export async function createOperator(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash?: string | null; isDemo?: boolean },
): Promise<Operator> {
  const [row] = await db
    .insert(operators)
    .values({ ...input, id: newOperatorId(), email: normalizeEmail(input.email) })
    .returning(publicColumns);
  return row!;
}

/**
 * Finds the operator an OpenID Connect sign-in belongs to, creating it on first sign-in with the
 * given role. Existing operators keep their role: it is managed on the Team page.
 */
export async function findOrCreateSsoOperator(db: Db, input: { email: string; name: string; role: Role }): Promise<Operator> {
  const email = normalizeEmail(input.email);
  await db
    .insert(operators)
    .values({ id: newOperatorId(), email, name: input.name, role: input.role })
    .onConflictDoNothing({ target: operators.email });
  const [row] = await db.select(publicColumns).from(operators).where(eq(operators.email, email)).limit(1);
  return row!;
}

export async function recordSignIn(db: Db, id: string): Promise<void> {
  await db.update(operators).set({ lastSignInAt: new Date() }).where(eq(operators.id, id));
}

/** Refused change: it would leave the console with no active admin. */
export class LastAdminError extends Error {
  constructor() {
    super('The console needs at least one active admin: make someone else admin first.');
    this.name = 'LastAdminError';
  }
}

/**
 * Changes an operator's role or active flag, refusing (LastAdminError) when that would leave no
 * active admin. The check and the write share one transaction that first locks every active
 * admin row: a concurrent demotion or deactivation waits, then sees this one's result (each
 * statement of a READ COMMITTED transaction reads afresh), so two of them cannot both pass.
 */
async function updateKeepingAnAdmin(
  db: Db,
  id: string,
  change: { role: Role } | { active: boolean },
): Promise<Operator | null> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: operators.id })
      .from(operators)
      .where(and(eq(operators.role, 'admin'), eq(operators.active, true)))
      .for('update');
    const isActiveAdmin = admins.some((admin) => admin.id === id);
    const staysActiveAdmin = 'role' in change ? change.role === 'admin' : change.active;
    if (isActiveAdmin && !staysActiveAdmin && admins.length < 2) throw new LastAdminError();
    const values =
      'role' in change
        ? { role: change.role, updatedAt: new Date() }
        : { active: change.active, sessionVersion: sql`${operators.sessionVersion} + 1`, updatedAt: new Date() };
    const [row] = await tx.update(operators).set(values).where(eq(operators.id, id)).returning(publicColumns);
    return row ?? null;
  });
}

export async function setOperatorRole(db: Db, id: string, role: Role): Promise<Operator | null> {
  return updateKeepingAnAdmin(db, id, { role });
}

/** Ends every session the operator has: their tokens carry the old version and stop working. */
export async function revokeSessions(db: Db, id: string): Promise<Operator | null> {
  const [row] = await db
    .update(operators)
    .set({ sessionVersion: sql`${operators.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(operators.id, id))
    .returning(publicColumns);
  return row ?? null;
}

/** Deactivating also ends the operator's sessions (their tokens carry the old version). */
export async function setOperatorActive(db: Db, id: string, active: boolean): Promise<Operator | null> {
  return updateKeepingAnAdmin(db, id, { active });
}
