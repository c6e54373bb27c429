// The demo operators the journeys sign in as, and where each role's saved session lives.
import path from 'node:path';
import demo from '../../lib/operators/demo-operators.json';
import type { Role } from '../../lib/auth/permissions';

export const DEMO_PASSWORD = demo.password;
export const DEMO = demo.operators.map((operator) => ({ ...operator, role: operator.role as Role }));

/** storageState files written by e2e/auth.setup.ts (under .data/, which git ignores). */
export function storageStateFor(role: Role): string {
  return path.resolve('.data', 'e2e-auth', `${role}.json`);
}
