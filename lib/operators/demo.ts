// The demo operators, one per role and a second finance operator (to approve the first's requests), seeded when the console runs on the emulator so anyone can
// sign in and see what each role sees. Their passwords are stored hashed like any other.
import { eq } from 'drizzle-orm';
import type { Role } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/passwords';
import type { Db } from '@/lib/db/open';
import { operators } from '@/lib/db/schema';
import { newOperatorId } from '@/lib/operators/ids';

import demo from '@/lib/operators/demo-operators.json';

export type DemoOperator = { email: string; name: string; role: Role };

/** Shown on the sign-in page while on the emulator; refused for demo operators anywhere else. */
export const DEMO_PASSWORD: string = demo.password;

/** One per role, and finance2; the list lives in JSON so the start banner (plain Node) prints the same. */
export const DEMO_OPERATORS: DemoOperator[] = demo.operators.map((operator) => ({ ...operator, role: operator.role as Role }));

/** Inserts the demo operators that are missing; existing ones keep their (possibly changed) role. */
export async function ensureDemoOperators(db: Db): Promise<void> {
  const existing = new Set(
    (await db.select({ email: operators.email }).from(operators).where(eq(operators.isDemo, true))).map((row) => row.email),
  );
  const missing = DEMO_OPERATORS.filter((operator) => !existing.has(operator.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(operators)
    .values(missing.map((operator) => ({ ...operator, id: newOperatorId(), passwordHash, isDemo: true })))
    .onConflictDoNothing({ target: operators.email });
}
