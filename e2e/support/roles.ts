// The demo operators the journeys sign in as, and where each role's saved session lives.
import path from 'node:path';
import demo from '../../lib/operators/demo-operators.json';
import type { Role } from '../../lib/auth/permissions';

export const DEMO_PASSWORD = demo.password;
/** `session`: the name of the operator's saved session: their role, or for a second operator of a role (finance2@) their e-mail's name. */
export const DEMO = demo.operators.map((operator, i, all) => ({
  ...operator,
  role: operator.role as Role,
  session: all.findIndex((other) => other.role === operator.role) === i ? operator.role : operator.email.split('@')[0]!,
}));

/** storageState files written by e2e/auth.setup.ts (under .data/, which git ignores): one per role, and `finance2`. */
export function storageStateFor(session: Role | 'finance2'): string {
  return path.resolve('.data', 'e2e-auth', `${session}.json`);
}
