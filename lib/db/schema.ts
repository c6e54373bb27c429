// The console's own tables: the operators who may sign in, their sessions and sign-in throttle,
// the append-only (hash-chained) audit log, and leases that keep a background job to one instance.
// One schema for PGlite and PostgreSQL; `npm run db:generate` turns changes into SQL migrations.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/auth/permissions';

export const operatorRole = pgEnum('operator_role', ROLES);
// started: written before the change. unknown: the change may or may not have happened (a lost
// answer, a timeout); the console is finding out. The others are final.
export const auditOutcome = pgEnum('audit_outcome', ['started', 'succeeded', 'failed', 'denied', 'unknown']);
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
    // Null only for a sign-in attempt that matched no operator (the e-mail typed is kept).
    operatorId: text('operator_id').references(() => operators.id, { onDelete: 'restrict' }),
    // Copied at the time of the action: later renames and role changes must not rewrite history.
    operatorEmail: text('operator_email').notNull(),
    operatorRole: operatorRole('operator_role'),
    action: text('action').notNull(),
    targetId: text('target_id'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    idempotencyKey: text('idempotency_key'),
    mode: stripeMode('mode').notNull(),
    outcome: auditOutcome('outcome').notNull().default('started'),
    requestId: text('request_id'),
    errorMessage: text('error_message'),
    /** The object the change made (a reversal, a refund, a top-up), when known. */
    resultId: text('result_id'),
    /** How an outcome that was unknown was found out (e.g. which object carries the request's key). */
    resolution: text('resolution'),
    /** HMAC over the previous entry's chain hash and this entry's fixed fields (lib/audit/chain.ts). */
    chainHash: text('chain_hash'),
    /** HMAC over this entry's chain hash and its recorded outcome. */
    outcomeHash: text('outcome_hash'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    index('audit_entries_started_at_idx').on(table.startedAt),
    index('audit_entries_target_id_idx').on(table.targetId),
    // A creation's object is its result (lib/audit/store.ts aboutObject).
    index('audit_entries_result_id_idx').on(table.resultId),
    index('audit_entries_operator_id_idx').on(table.operatorId),
    index('audit_entries_action_idx').on(table.action),
    index('audit_entries_idempotency_key_idx').on(table.idempotencyKey),
    index('audit_entries_outcome_idx').on(table.outcome),
  ],
);

/** One row per signed-in session (the JWT carries its id): sign-out ends it for every path. */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    /** `ses_` followed by random characters. */
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
  },
  (table) => [index('operator_sessions_operator_id_idx').on(table.operatorId)],
);

/**
 * Failure counters shared by every instance (sign-in per e-mail and per client address): a key,
 * the failures in the current window, and a lockout that ends by itself.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A time-limited lock held by one instance (the reconciler), taken and renewed by a conditional upsert. */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export type OperatorRow = typeof operators.$inferSelect;
export type AuditEntryRow = typeof auditEntries.$inferSelect;
export type AuditOutcome = (typeof auditOutcome.enumValues)[number];
export type OperatorSessionRow = typeof operatorSessions.$inferSelect;
