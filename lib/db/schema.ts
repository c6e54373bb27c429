// The console's own tables: the operators who may sign in, their sessions and sign-in throttle,
// the append-only (hash-chained) audit log, and leases that keep a background job to one instance.
// One schema for PGlite and PostgreSQL; `npm run db:generate` turns changes into SQL migrations.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { APPROVAL_STATUSES } from '@/lib/approvals/status';
import { ROLES } from '@/lib/auth/permissions';
import type { RiskCaseStatus, RiskDecision } from '@/lib/risk/case-states';
import type { RiskReason, RiskSignals } from '@/lib/risk/signals';

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

// ---------------------------------------------------------------------------------------------
// The console's index of Stripe objects (lib/index/): its own copy of connected accounts and of
// what ops, support and finance filter on, filled by a backfill and kept fresh by webhooks, so
// lists, counts and search read the database instead of scanning Stripe's lists.
//
// `event_created` is the Stripe-clock second of the newest change the row is known to hold: the
// `created` of the event applied, or for an object fetched from Stripe the second its answer was
// made (`from_fetch`). An event older than it never overwrites the row (lib/index/apply.ts).
// A deleted object stays as a tombstone (`deleted`), so a late event cannot bring it back.

/** Connected accounts with the columns the accounts list filters, sorts, counts and searches on. */
export const indexAccounts = pgTable(
  'index_accounts',
  {
    id: text('id').primaryKey(),
    type: text('type'),
    country: text('country'),
    /** business_profile.name, else the company's or individual's name; '' when none (sortable). */
    businessName: text('business_name').notNull().default(''),
    email: text('email').notNull().default(''),
    created: bigint('created', { mode: 'number' }),
    chargesEnabled: boolean('charges_enabled').notNull().default(false),
    payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
    detailsSubmitted: boolean('details_submitted').notNull().default(false),
    /** The Stripe Dashboard's tab: enabled, restricted, restricted_soon, in_review, rejected (lib/index/account-row.ts). */
    status: text('status').notNull(),
    disabledReason: text('disabled_reason'),
    currentlyDueCount: integer('currently_due_count').notNull().default(0),
    pastDueCount: integer('past_due_count').notNull().default(0),
    eventuallyDueCount: integer('eventually_due_count').notNull().default(0),
    pendingVerificationCount: integer('pending_verification_count').notNull().default(0),
    currentDeadline: bigint('current_deadline', { mode: 'number' }),
    /** Every requirement field currently or past due, for "field X is due". */
    dueFields: text('due_fields').array().notNull().default(sql`'{}'::text[]`),
    /** { card_payments: 'active', ... }: "capability X has status Y" is containment. */
    capabilities: jsonb('capabilities').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Risk signals on the account's charges (lib/index/apply.ts keeps them counted). */
    openEarlyFraudWarnings: integer('open_early_fraud_warnings').notNull().default(0),
    openReviews: integer('open_reviews').notNull().default(0),
    /**
     * The index holds every direct charge of the account created after this Stripe-clock second (its
     * charges read down to it, events since): null when never read (lib/index/charge-window.ts).
     */
    chargesHeldAfter: bigint('charges_held_after', { mode: 'number' }),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Lower-cased id, business name, email and metadata values: what search matches (trigram index). */
    searchText: text('search_text').notNull().default(''),
    /** The account as Stripe last gave it. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    eventCreated: bigint('event_created', { mode: 'number' }).notNull(),
    fromFetch: boolean('from_fetch').notNull().default(false),
    deleted: boolean('deleted').notNull().default(false),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Ascending: read backwards for the newest first (a DESC NULLS LAST index would not serve ORDER BY ... DESC).
    index('index_accounts_created_idx').on(table.created, table.id),
    index('index_accounts_status_created_idx').on(table.status, table.created, table.id),
    index('index_accounts_name_idx').on(table.businessName, table.id),
    index('index_accounts_email_idx').on(table.email, table.id),
    index('index_accounts_country_idx').on(table.country),
    index('index_accounts_type_idx').on(table.type),
    index('index_accounts_disabled_reason_idx').on(table.disabledReason),
    index('index_accounts_deadline_idx').on(table.currentDeadline),
    index('index_accounts_past_due_idx').on(table.pastDueCount),
    index('index_accounts_due_fields_idx').using('gin', table.dueFields),
    index('index_accounts_capabilities_idx').using('gin', sql`${table.capabilities} jsonb_path_ops`),
    index('index_accounts_metadata_idx').using('gin', sql`${table.metadata} jsonb_path_ops`),
    index('index_accounts_synced_at_idx').on(table.syncedAt),
  ],
);

/**
 * Every other indexed object: transfers, transfer reversals, application fees, fee refunds,
 * top-ups, charges (for their risk fields), early fraud warnings and reviews.
 */
export const indexObjects = pgTable(
  'index_objects',
  {
    id: text('id').primaryKey(),
    /** Stripe's `object`: transfer, transfer_reversal, application_fee, fee_refund, topup, charge, radar.early_fraud_warning, review, subscription_schedule, payout. */
    type: text('type').notNull(),
    /** The connected account it concerns (a transfer's destination, a fee's account, a charge's destination), when any. */
    account: text('account'),
    /** The object it belongs to: a reversal's transfer, a fee refund's fee, a warning's or review's charge. */
    parent: text('parent'),
    created: bigint('created', { mode: 'number' }),
    /** A status to filter on: a top-up's status, a charge's status, a warning's actionable/not_actionable, a review's open/closed. */
    status: text('status'),
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency'),
    /** A charge's outcome.risk_level. */
    riskLevel: text('risk_level'),
    riskScore: integer('risk_score'),
    /** A subscription schedule's customer. */
    customer: text('customer'),
    /** A schedule's phase that runs (or ran last), 1-based; null before it starts. */
    phaseIndex: integer('phase_index'),
    phaseCount: integer('phase_count'),
    /** When a schedule's next phase starts (its first, before it starts); null when none follows. */
    nextPhaseAt: bigint('next_phase_at', { mode: 'number' }),
    /** The platform's `application_fee_percent` on that phase. */
    feePercent: doublePrecision('fee_percent'),
    /** When a schedule was canceled, completed or released. */
    endedAt: bigint('ended_at', { mode: 'number' }),
    /** A payout's arrival_date, failure_code and automatic (lib/index/object-row.ts). */
    arrivalDate: bigint('arrival_date', { mode: 'number' }),
    failureCode: text('failure_code'),
    automatic: boolean('automatic'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    eventCreated: bigint('event_created', { mode: 'number' }).notNull(),
    fromFetch: boolean('from_fetch').notNull().default(false),
    deleted: boolean('deleted').notNull().default(false),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('index_objects_type_created_idx').on(table.type, table.created, table.id),
    index('index_objects_account_idx').on(table.account, table.type, table.created),
    index('index_objects_parent_idx').on(table.parent),
    index('index_objects_type_status_idx').on(table.type, table.status),
    index('index_objects_risk_level_idx').on(table.riskLevel),
    index('index_objects_metadata_idx').using('gin', sql`${table.metadata} jsonb_path_ops`),
    // The Billing list's sorts, as lib/billing/schedules/list-query.ts orders them (no next phase last, no fee below 0%).
    index('index_objects_type_next_phase_idx').on(table.type, sql`coalesce(${table.nextPhaseAt}, 9007199254740991)`, table.id),
    index('index_objects_type_fee_idx').on(table.type, sql`coalesce(${table.feePercent}, -1)`, table.id),
    // The Payouts list's arrival-date sort (lib/payouts/list-query.ts).
    index('index_objects_type_arrival_idx').on(table.type, table.arrivalDate, table.id),
    // The Payouts list's amount sort (555 ms p95 for a third page over 200,000 payouts without it: bench:payouts).
    index('index_objects_type_amount_idx').on(table.type, table.amount, table.id),
    index('index_objects_customer_idx').on(table.customer),
  ],
);

/** Stripe's webhook events, written on arrival (the id makes a duplicate a no-op), then applied by a worker. */
export const webhookInbox = pgTable(
  'webhook_inbox',
  {
    eventId: text('event_id').primaryKey(),
    type: text('type').notNull(),
    /** The connected account for a Connect event; null for the platform's own. */
    account: text('account'),
    eventCreated: bigint('event_created', { mode: 'number' }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending (to apply, maybe after a failure), applied, or failed (given up after the last try). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker's claim on the row; another worker takes it once this has passed. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** webhook or catch_up (read from /v1/events). */
    source: text('source').notNull().default('webhook'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (table) => [
    index('webhook_inbox_pending_idx').on(table.status, table.nextAttemptAt),
    index('webhook_inbox_received_at_idx').on(table.receivedAt),
    index('webhook_inbox_account_created_idx').on(table.account, table.eventCreated),
  ],
);

/**
 * The index's bookkeeping, one row per key: each backfill step's cursor and progress
 * (`backfill:<type>`), the backfill run itself (`backfill`), the catch-up's watermark (`catch_up`).
 */
export const indexSyncState = pgTable('index_sync_state', {
  key: text('key').primaryKey(),
  /** running, done, failed (backfill steps); free-form for others. */
  status: text('status').notNull().default('idle'),
  /** Where the list read resumes: the last id read (Stripe's starting_after). */
  cursor: text('cursor'),
  objects: integer('objects').notNull().default(0),
  /** What the last finished run read, for the time-left estimate. */
  expected: integer('expected'),
  /** The Stripe-clock second of a watermark (the catch-up's newest event read). */
  watermark: bigint('watermark', { mode: 'number' }),
  startedAt: timestamp('started_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  /** Backoffs on 429 and the like. */
  rateLimited: integer('rate_limited').notNull().default(0),
});

export type IndexAccountRow = typeof indexAccounts.$inferSelect;
export type IndexObjectRow = typeof indexObjects.$inferSelect;
export type WebhookInboxRow = typeof webhookInbox.$inferSelect;
export type IndexSyncStateRow = typeof indexSyncState.$inferSelect;

/** Saved views of a list: an operator's filters under a name, for themselves or for the team. */
export const savedViews = pgTable(
  'saved_views',
  {
    /** `view_` and 16 random letters and digits. */
    id: text('id').primaryKey(),
    /** Which list the view belongs to (`accounts`). */
    list: text('list').notNull(),
    name: text('name').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    /** Offered to every operator, not only its owner. */
    shared: boolean('shared').notNull().default(false),
    /** The view as the list's URL query (`?tab=restricted&country=US`), re-read with the list's schema when used. */
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('saved_views_owner_name_idx').on(table.list, table.ownerId, table.name), index('saved_views_shared_idx').on(table.list, table.shared)],
);
export type SavedViewRow = typeof savedViews.$inferSelect;

/** One drift found by a reconciliation: an object missing from the index, left over in it, or differing from Stripe. */
export interface ReconcileDrift {
  /** Stripe's `object` (account, charge, transfer, ...). */
  type: string;
  id: string;
  kind: 'missing' | 'extra' | 'differs';
  /** The field paths that differed (`requirements.currently_due`; a derived column as `column status`). */
  fields: string[];
  repaired: boolean;
}

/** One list endpoint's count: Stripe's, the index's live rows, and the ids only one side had. */
export interface ReconcileCount {
  type: string;
  label: string;
  stripe: number;
  index: number;
  missing: number;
  extra: number;
}

/**
 * Reconciliation runs (lib/index/reconcile.ts): the index compared with Stripe, counts per type and
 * a sample of objects field by field, with the drift found and whether it was repaired.
 */
export const indexReconcileRuns = pgTable(
  'index_reconcile_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** requested, running, done, failed. */
    status: text('status').notNull().default('requested'),
    /** schedule (hourly) or manual (the Data sync page). */
    trigger: text('trigger').notNull(),
    /** The operator who asked for it (manual runs). */
    requestedBy: text('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    counts: jsonb('counts').$type<ReconcileCount[]>().notNull().default(sql`'[]'::jsonb`),
    /** Objects compared field by field. */
    sampled: integer('sampled').notNull().default(0),
    drift: jsonb('drift').$type<ReconcileDrift[]>().notNull().default(sql`'[]'::jsonb`),
    lastError: text('last_error'),
  },
  (table) => [index('index_reconcile_runs_status_idx').on(table.status, table.requestedAt)],
);
export type IndexReconcileRunRow = typeof indexReconcileRuns.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Risk (lib/risk/): each connected account with a risk signal, its score and the reasons behind it
// (recomputed from the index whenever an object about the account is applied), and the cases ops
// open, work and decide on those accounts, with their append-only notes.

/** One row per account with at least one signal: what the queue ranks. */
export const riskAccounts = pgTable(
  'risk_accounts',
  {
    accountId: text('account_id').primaryKey(),
    score: integer('score').notNull(),
    /** The structured signal facts (lib/risk/signals.ts). */
    signals: jsonb('signals').$type<RiskSignals>().notNull(),
    /** What the score is made of, in words (lib/risk/score.ts). */
    reasons: jsonb('reasons').$type<RiskReason[]>().notNull(),
    /** The kinds among `reasons`, for the queue's signal filter (a GIN index). */
    kinds: text('kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The Stripe-clock second of the newest signal-bearing object (a warning, a review, a risky charge...). */
    newestSignalAt: bigint('newest_signal_at', { mode: 'number' }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    // The queue reads one table: the account's name, country and type copied from the index at
    // each recompute, and its case (the undecided one, else the newest) kept by migration 0009's
    // triggers on risk_cases, so whoever changes a case keeps the queue in step without knowing it.
    name: text('name').notNull().default(''),
    country: text('country'),
    type: text('type'),
    caseId: text('case_id'),
    caseStatus: text('case_status').$type<RiskCaseStatus>().notNull().default('open'),
    assigneeId: text('assignee_id'),
    caseOpenedAt: timestamp('case_opened_at', { withTimezone: true }),
    escalated: boolean('escalated').notNull().default(false),
  },
  (table) => [
    // Ascending: read backwards for the highest first, as the index's created indexes are.
    index('risk_accounts_score_idx').on(table.score, table.accountId),
    index('risk_accounts_status_score_idx').on(table.caseStatus, table.score, table.accountId),
    index('risk_accounts_country_idx').on(table.country),
    index('risk_accounts_type_idx').on(table.type),
    index('risk_accounts_assignee_idx').on(table.assigneeId),
    index('risk_accounts_newest_signal_idx').on(table.newestSignalAt, table.accountId),
    index('risk_accounts_kinds_idx').using('gin', table.kinds),
    index('risk_accounts_computed_at_idx').on(table.computedAt),
  ],
);

/** A case: one account's review by ops, from opened to decided. At most one undecided case per account. */
export const riskCases = pgTable(
  'risk_cases',
  {
    /** `case_` followed by random characters. */
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    status: text('status').$type<RiskCaseStatus>().notNull().default('open'),
    assigneeId: text('assignee_id').references(() => operators.id, { onDelete: 'restrict' }),
    decision: text('decision').$type<RiskDecision>(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedBy: text('escalated_by').references(() => operators.id, { onDelete: 'restrict' }),
    escalationNote: text('escalation_note'),
    /** The signals present when the case was decided: a later signal beyond them reopens the account. */
    signalsAtDecision: jsonb('signals_at_decision').$type<RiskSignals>(),
    /** The account's previous case, when a new signal reopened it. */
    reopenedFrom: text('reopened_from'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by').references(() => operators.id, { onDelete: 'restrict' }),
  },
  (table) => [
    uniqueIndex('risk_cases_one_undecided_idx').on(table.accountId).where(sql`${table.status} <> 'decided'`),
    index('risk_cases_account_opened_idx').on(table.accountId, table.openedAt),
    index('risk_cases_status_idx').on(table.status),
    index('risk_cases_assignee_idx').on(table.assigneeId),
  ],
);

/** Notes on a case: plain text with author and time, append-only in the database (migration 0008_risk's trigger). */
export const riskCaseNotes = pgTable(
  'risk_case_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => riskCases.id, { onDelete: 'restrict' }),
    authorId: text('author_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('risk_case_notes_case_idx').on(table.caseId, table.id)],
);

export type RiskAccountRow = typeof riskAccounts.$inferSelect;
export type RiskCaseRow = typeof riskCases.$inferSelect;
export type RiskCaseNoteRow = typeof riskCaseNotes.$inferSelect;

/**
 * Four-eyes approval policies, one row per approvable action (lib/approvals/policy.ts). An action
 * with no row follows the default policy written there; an admin's first save writes its row.
 */
export const approvalPolicies = pgTable('approval_policies', {
  /** `transfer_reversal`, `fee_refund`, ... (APPROVAL_ACTIONS). */
  action: text('action').primaryKey(),
  enabled: boolean('enabled').notNull(),
  /** Per currency (lower-case ISO code), in minor units: an amount at or above it needs approval. */
  thresholds: jsonb('thresholds').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  /** `test` (the emulator counts as test), `live` or `both`. */
  mode: text('mode').notNull(),
  approverRoles: jsonb('approver_roles').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  validityHours: integer('validity_hours').notNull().default(24),
  updatedBy: text('updated_by').references(() => operators.id, { onDelete: 'restrict' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ApprovalPolicyRow = typeof approvalPolicies.$inferSelect;

export const approvalStatus = pgEnum('approval_status', APPROVAL_STATUSES);

/**
 * A request for a second operator's approval of one action with its exact input, made at the
 * action's review step. `approved` means approved and being executed (the claim); the execution's
 * outcome moves it on to executed, failed or unknown.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    /** `apr_` and 16 random letters and digits. */
    id: text('id').primaryKey(),
    action: text('action').notNull(),
    /** The object the action changes (a transfer, a fee, an account); null for a top-up. */
    targetId: text('target_id'),
    /** The action's input exactly as it will run, its idempotency key included. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** The idempotency key made at the review step: every execution attempt sends it. */
    executionKey: text('execution_key').notNull(),
    /** The review in words, as the requester confirmed it. */
    summary: text('summary').notNull(),
    /** The object as it was at the request (e.g. the amount left to reverse), compared at approval. */
    snapshot: jsonb('snapshot').$type<Record<string, string | number | boolean | null>>().notNull(),
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency'),
    mode: stripeMode('mode').notNull(),
    note: text('note').notNull(),
    status: approvalStatus('status').notNull().default('pending'),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => operators.id, { onDelete: 'restrict' }),
    requestedByEmail: text('requested_by_email').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by').references(() => operators.id, { onDelete: 'restrict' }),
    decidedByEmail: text('decided_by_email'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    attempts: integer('attempts').notNull().default(0),
    /** Stripe's request id of the execution, the object it made or changed, and its error if any. */
    executionRequestId: text('execution_request_id'),
    executionResultId: text('execution_result_id'),
    executionError: text('execution_error'),
    /** False when a failure cannot be cured by sending the same request again (the object changed). */
    retryable: boolean('retryable').notNull().default(true),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    /**
     * When the current execution attempt claimed the request (an approval or a retry): a request
     * still `approved` long after it was claimed was left so by a crash, and is settled from the
     * audit log (lib/approvals/sweep.ts).
     */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    requestAuditId: bigint('request_audit_id', { mode: 'number' }),
    decisionAuditId: bigint('decision_audit_id', { mode: 'number' }),
    executionAuditId: bigint('execution_audit_id', { mode: 'number' }),
  },
  (table) => [
    uniqueIndex('approval_requests_execution_key_idx').on(table.executionKey),
    index('approval_requests_status_idx').on(table.status, table.requestedAt),
    index('approval_requests_target_id_idx').on(table.targetId),
    index('approval_requests_requested_by_idx').on(table.requestedBy),
  ],
);
export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
