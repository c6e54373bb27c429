// The console's own tables: the operators who may sign in, and the append-only audit log.
// One schema for PGlite and PostgreSQL; `npm run db:generate` turns changes into SQL migrations.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/auth/permissions';

export const operatorRole = pgEnum('operator_role', ROLES);
export const auditOutcome = pgEnum('audit_outcome', ['started', 'succeeded', 'failed', 'denied']);
export const stripeMode = pgEnum('stripe_mode', ['emulator', 'test', 'live']);

export const operators = pgTable('operators', {
  /** `op_` followed by random characters. */
  id: text('id').primaryKey(),
  /** Lower-cased; the sign-in name for passwords and the identity for OpenID Connect. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: operatorRole('role').notNull().default('viewer'),
  /** bcrypt hash; null for operators who sign in through OpenID Connect only. */
  passwordHash: text('password_hash'),
  /** Seeded demo operators may only sign in while the console runs on the emulator. */
  isDemo: boolean('is_demo').notNull().default(false),
  active: boolean('active').notNull().default(true),
  /** Bumped to end every session of this operator ("sign out everywhere"). */
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
});

export const auditEntries = pgTable(
  'audit_entries',
  {
    // Ascending with insertion, so it doubles as the pagination cursor.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'restrict' }),
    // Copied at the time of the action: later renames and role changes must not rewrite history.
    operatorEmail: text('operator_email').notNull(),
    operatorRole: operatorRole('operator_role').notNull(),
    action: text('action').notNull(),
    targetId: text('target_id'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    idempotencyKey: text('idempotency_key'),
    mode: stripeMode('mode').notNull(),
    outcome: auditOutcome('outcome').notNull().default('started'),
    requestId: text('request_id'),
    errorMessage: text('error_message'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    index('audit_entries_started_at_idx').on(table.startedAt),
    index('audit_entries_target_id_idx').on(table.targetId),
    index('audit_entries_operator_id_idx').on(table.operatorId),
    index('audit_entries_action_idx').on(table.action),
  ],
);

export type OperatorRow = typeof operators.$inferSelect;
export type AuditEntryRow = typeof auditEntries.$inferSelect;
export type AuditOutcome = (typeof auditOutcome.enumValues)[number];
