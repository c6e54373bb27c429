// Keeps the risk queue in step with the index: gathers each account's signal facts from
// index_objects and index_accounts (set-based: one grouped query per kind, for a few accounts or
// for all of them), scores them (lib/risk/score.ts), writes risk_accounts, and opens a case for an
// account with signals and none yet, or reopens one whose last case was cleared when a signal
// arrived after the decision. Called by the index for every object it applies about an account
// (lib/index/apply.ts) and, for every account at once, at the end of a backfill.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { OPEN_DISPUTE_STATUSES } from '@/lib/disputes/words';
import { indexAccounts, riskAccounts, riskCases } from '@/lib/db/schema';
import { BASELINE_WEEKS, BURST_DAYS, RECENT_DAYS, scoreSignals } from './score';
import { emptySignals, grownKinds, type RiskSignals } from './signals';
import { rowsOf } from '@/lib/db/rows';

const DAY = 86_400;
/** Rows per INSERT: well under PostgreSQL's 65,535 bound parameters. */
const WRITE_BATCH = 500;

/** Disabled reasons that are Stripe's own doing (under the pinned 2026-10-28.endive; the platform's read `rejected.platform_*`). */
const STRIPE_ACTIONS = new Set(['rejected.fraud', 'rejected.terms_of_service', 'rejected.listed', 'rejected.incomplete_verification', 'rejected.other', 'listed', 'under_review', 'other']);

type Scope = { all: true } | { all: false; ids: string[] };

const n = (v: unknown) => Number(v ?? 0);

/** One account's facts as they are gathered, with the newest signal-bearing second. */
interface Gathered {
  signals: RiskSignals;
  newest: number | null;
}

function objectsIn(scope: Scope): SQL {
  return scope.all ? sql`o.account is not null` : sql`o.account in ${scope.ids}`;
}

/**
 * The weekly average of the volume before the burst window, over the weeks the index holds: an
 * account whose direct charges were read only down to `heldAfter` (lib/index/charge-window.ts
 * stopped once it had enough for the dispute rate) has its baseline from there on only, and none
 * when that is less than a week, so a read that holds the newest charges and few older ones is
 * no burst.
 */
export function weeklyBaseline(volumeBefore: number, heldAfter: number | null, baselineFrom: number, burstFrom: number): number {
  const from = heldAfter === null ? baselineFrom : Math.max(baselineFrom, heldAfter + 1);
  const weeks = (burstFrom - from) / (7 * DAY);
  return weeks < 1 ? 0 : volumeBefore / Math.min(weeks, BASELINE_WEEKS);
}

/** Every account's signal facts within the scope (accounts with no object and no requirement issue are left out). */
export async function gatherSignals(db: Db, scope: Scope, now: number = Math.floor(Date.now() / 1000)): Promise<Map<string, Gathered>> {
  const recentFrom = now - RECENT_DAYS * DAY;
  const burstFrom = now - BURST_DAYS * DAY;
  const baselineFrom = burstFrom - BASELINE_WEEKS * 7 * DAY;
  const where = objectsIn(scope);
  const blocked = sql`(o.status = 'failed' and o.data->'outcome'->>'type' = 'blocked')`;
  const [charges, warnings, reviews, money, accounts, disputes] = await Promise.all([
    db.execute(sql`
      select o.account,
        count(*) filter (where o.created >= ${recentFrom}) as recent,
        count(*) filter (where o.created >= ${recentFrom} and o.risk_level = 'elevated' and not ${blocked}) as elevated,
        count(*) filter (where o.created >= ${recentFrom} and o.risk_level = 'highest' and not ${blocked}) as highest,
        count(*) filter (where ${blocked}) as blocked,
        coalesce(sum(o.amount) filter (where o.created >= ${burstFrom} and o.status <> 'failed'), 0) as volume_recent,
        coalesce(sum(o.amount) filter (where o.created >= ${baselineFrom} and o.created > coalesce(a.charges_held_after, 0) and o.created < ${burstFrom} and o.status <> 'failed'), 0) as volume_before,
        max(a.charges_held_after) as held_after,
        max(o.created) filter (where o.risk_level in ('elevated', 'highest') or ${blocked}) as newest
      from index_objects o
      left join index_accounts a on a.id = o.account
      where o.type = 'charge' and not o.deleted and ${where}
      group by o.account`),
    db.execute(sql`
      select o.account, coalesce(o.data->>'fraud_type', 'misc') as code, count(*) as total,
        count(*) filter (where o.status = 'actionable') as actionable, max(o.created) as newest
      from index_objects o
      where o.type = 'radar.early_fraud_warning' and not o.deleted and ${where}
      group by o.account, code`),
    db.execute(sql`
      select o.account, coalesce(o.data->>'reason', o.data->>'opened_reason', 'rule') as code, count(*) as total, max(o.created) as newest
      from index_objects o
      where o.type = 'review' and o.status = 'open' and not o.deleted and ${where}
      group by o.account, code`),
    db.execute(sql`
      select o.account, o.type, count(*) as total,
        count(*) filter (where o.status in ('reversed', 'partially_reversed', 'refunded', 'partially_refunded')) as taken_back,
        max(o.created) filter (where o.status in ('reversed', 'partially_reversed', 'refunded', 'partially_refunded')) as newest
      from index_objects o
      where o.type in ('transfer', 'application_fee') and not o.deleted and ${where}
      group by o.account, o.type`),
    db.execute(sql`
      select a.id as account, a.past_due_count, a.disabled_reason, a.data->'requirements'->'errors' as errors
      from index_accounts a
      where not a.deleted and ${scope.all ? sql`(a.past_due_count > 0 or a.disabled_reason is not null or jsonb_array_length(coalesce(a.data->'requirements'->'errors', '[]'::jsonb)) > 0)` : sql`a.id in ${scope.ids}`}`),
    db.execute(sql`
      select o.account, coalesce(o.data->>'reason', 'general') as code,
        count(*) filter (where o.status in (${sql.join(OPEN_DISPUTE_STATUSES.map((s) => sql`${s}`), sql`, `)})) as open,
        count(*) filter (where o.status = 'lost') as lost,
        count(*) filter (where o.created >= ${recentFrom}) as recent,
        max(o.created) as newest,
        bool_or(a.charges_held_after < ${recentFrom}) as charges_complete
      from index_objects o
      left join index_accounts a on a.id = o.account
      where o.type = 'dispute' and not o.deleted and ${where}
      group by o.account, code`),
  ]);

  const out = new Map<string, Gathered>();
  const entry = (account: string): Gathered => {
    let g = out.get(account);
    if (!g) out.set(account, (g = { signals: emptySignals(), newest: null }));
    return g;
  };
  const newer = (g: Gathered, at: unknown) => {
    if (at !== null && at !== undefined) g.newest = Math.max(g.newest ?? 0, n(at));
  };
  type Row = Record<string, unknown> & { account: string };
  for (const row of rowsOf<Row>(charges)) {
    const g = entry(row.account);
    g.signals.riskyCharges = { recent: n(row.recent), elevated: n(row.elevated), highest: n(row.highest) };
    g.signals.blockedCharges = n(row.blocked);
    const heldAfter = row.held_after === null || row.held_after === undefined ? null : n(row.held_after);
    g.signals.volume = { recent: n(row.volume_recent), weeklyBefore: weeklyBaseline(n(row.volume_before), heldAfter, baselineFrom, burstFrom) };
    newer(g, row.newest);
  }
  for (const row of rowsOf<Row>(warnings)) {
    const g = entry(row.account);
    const w = g.signals.earlyFraudWarnings;
    w.total += n(row.total);
    w.actionable += n(row.actionable);
    w.byFraudType[String(row.code)] = n(row.total);
    newer(g, row.newest);
  }
  for (const row of rowsOf<Row>(reviews)) {
    const g = entry(row.account);
    g.signals.openReviews.total += n(row.total);
    g.signals.openReviews.byReason[String(row.code)] = n(row.total);
    newer(g, row.newest);
  }
  for (const row of rowsOf<Row>(money)) {
    const g = entry(row.account);
    const counts = { total: n(row.total), taken: n(row.taken_back) };
    if (row.type === 'transfer') g.signals.transfers = { total: counts.total, reversed: counts.taken };
    else g.signals.fees = { total: counts.total, refunded: counts.taken };
    newer(g, row.newest);
  }
  for (const row of rowsOf<Row>(disputes)) {
    const g = entry(row.account);
    const d = g.signals.disputes;
    d.open += n(row.open);
    d.lost += n(row.lost);
    d.recent += n(row.recent);
    // The index holds every charge of the window (lib/index/charge-window.ts read them down to its start): the rate is over a complete count.
    d.chargesComplete = row.charges_complete === true;
    if (n(row.open) > 0) d.byReason[String(row.code)] = n(row.open);
    newer(g, row.newest);
  }
  for (const row of rowsOf<Row>(accounts)) {
    const g = entry(row.account);
    g.signals.pastDue = n(row.past_due_count);
    const reason = typeof row.disabled_reason === 'string' ? row.disabled_reason : null;
    g.signals.stripeAction = reason && STRIPE_ACTIONS.has(reason) ? reason : null;
    const raw = typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors;
    const errors = Array.isArray(raw) ? (raw as Array<{ code?: unknown }>) : [];
    for (const error of errors) {
      const code = typeof error?.code === 'string' ? error.code : 'unknown';
      g.signals.requirementErrors.total += 1;
      g.signals.requirementErrors.byCode[code] = (g.signals.requirementErrors.byCode[code] ?? 0) + 1;
    }
  }
  return out;
}

/** `case_` and 20 random letters and digits. */
export function newCaseId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `case_${[...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface RecomputeReport {
  /** Accounts with at least one signal after the run (within its scope). */
  flagged: number;
  opened: number;
  reopened: number;
}

/**
 * Recomputes the given accounts (or all of them) and opens or reopens their cases. An account
 * that no longer has a signal leaves the queue, unless a case on it is still undecided (it then
 * stays, with no score, until someone decides it).
 */
async function recompute(db: Db, scope: Scope, now?: number): Promise<RecomputeReport> {
  const runAt = new Date();
  const gathered = await gatherSignals(db, scope, now);
  const scored = [...gathered].map(([accountId, g]) => ({ accountId, ...g, ...scoreSignals(g.signals) })).filter((row) => row.score > 0);
  // Objects can name an account the index does not hold (yet) or holds as deleted: not in the queue.
  // What the queue shows of each (its name, country and type) comes along.
  const live = new Map<string, { name: string; country: string | null; type: string | null }>();
  for (let i = 0; i < scored.length; i += WRITE_BATCH) {
    const ids = scored.slice(i, i + WRITE_BATCH).map((row) => row.accountId);
    const rows = await db
      .select({ id: indexAccounts.id, name: indexAccounts.businessName, email: indexAccounts.email, country: indexAccounts.country, type: indexAccounts.type })
      .from(indexAccounts)
      .where(and(inArray(indexAccounts.id, ids), eq(indexAccounts.deleted, false)));
    for (const row of rows) live.set(row.id, { name: row.name || row.email, country: row.country, type: row.type });
  }
  const flagged = scored.filter((row) => live.has(row.accountId)).map((row) => ({ ...row, ...live.get(row.accountId)! }));
  for (let i = 0; i < flagged.length; i += WRITE_BATCH) {
    await db
      .insert(riskAccounts)
      .values(
        flagged.slice(i, i + WRITE_BATCH).map((row) => ({
          accountId: row.accountId,
          score: row.score,
          signals: row.signals,
          reasons: row.reasons,
          kinds: row.reasons.map((r) => r.kind),
          newestSignalAt: row.newest,
          computedAt: runAt,
          name: row.name,
          country: row.country,
          type: row.type,
        })),
      )
      .onConflictDoUpdate({
        target: riskAccounts.accountId,
        set: {
          score: sql`excluded.score`,
          signals: sql`excluded.signals`,
          reasons: sql`excluded.reasons`,
          kinds: sql`excluded.kinds`,
          newestSignalAt: sql`excluded.newest_signal_at`,
          computedAt: sql`excluded.computed_at`,
          name: sql`excluded.name`,
          country: sql`excluded.country`,
          type: sql`excluded.type`,
        },
      });
  }
  await attachCases(db);
  await dropCleared(db, scope, flagged.map((row) => row.accountId), runAt);
  const cases = await syncCases(db, flagged.map((row) => row.accountId));
  return { flagged: flagged.length, ...cases };
}

/**
 * New rows take their account's case (the undecided one, else the newest), in one statement;
 * later changes to a case reach the row through migration 0009's trigger on risk_cases.
 */
async function attachCases(db: Db): Promise<void> {
  await db.execute(sql`
    update risk_accounts r
    set case_id = c.id, case_status = c.status, assignee_id = c.assignee_id, case_opened_at = c.opened_at, escalated = c.escalated_at is not null
    from (
      select distinct on (account_id) * from risk_cases
      where account_id in (select account_id from risk_accounts where case_id is null)
      order by account_id, (status <> 'decided') desc, opened_at desc, id desc
    ) c
    where r.account_id = c.account_id and r.case_id is null`);
}

/** Rows of the scope that have no signal any more: gone, or kept at no score while a case on them is undecided. */
async function dropCleared(db: Db, scope: Scope, flagged: string[], runAt: Date): Promise<void> {
  const stale = scope.all
    ? lt(riskAccounts.computedAt, runAt)
    : and(inArray(riskAccounts.accountId, scope.ids.length > 0 ? scope.ids : ['']), flagged.length > 0 ? sql`${riskAccounts.accountId} not in ${flagged}` : undefined);
  const undecided = sql`exists (select 1 from risk_cases c where c.account_id = ${riskAccounts.accountId} and c.status <> 'decided')`;
  await db.delete(riskAccounts).where(and(stale, sql`not ${undecided}`));
  await db
    .update(riskAccounts)
    .set({ score: 0, signals: emptySignals(), reasons: [], kinds: [], computedAt: runAt })
    .where(and(stale, undecided));
}

/**
 * Opens a case on each flagged account that never had one, and reopens (a new case naming the
 * last) each whose last case was cleared when a signal newer than the decision, or more of a kind
 * than at the decision, is there now. A rejected account's case stays decided.
 */
async function syncCases(db: Db, flagged: string[]): Promise<{ opened: number; reopened: number }> {
  let opened = 0;
  let reopened = 0;
  for (let i = 0; i < flagged.length; i += WRITE_BATCH) {
    const ids = flagged.slice(i, i + WRITE_BATCH);
    const rows = rowsOf<{ account_id: string; signals: unknown; newest_signal_at: unknown; last_id: string | null; last_status: string | null; decision: string | null; decided_at: unknown; at_decision: unknown }>(
      await db.execute(sql`
        select r.account_id, r.signals, r.newest_signal_at, c.id as last_id, c.status as last_status, c.decision,
          extract(epoch from c.decided_at) as decided_at, c.signals_at_decision as at_decision
        from risk_accounts r
        left join lateral (select * from risk_cases c where c.account_id = r.account_id order by c.opened_at desc, c.id desc limit 1) c on true
        where r.account_id in ${ids} and (c.id is null or (c.status = 'decided' and c.decision = 'cleared'))`),
    );
    const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
    const toOpen = rows.filter((row) => {
      if (!row.last_id) return true;
      const decidedAt = row.decided_at === null ? 0 : n(row.decided_at);
      const signalAfter = row.newest_signal_at !== null && n(row.newest_signal_at) > decidedAt;
      return signalAfter || grownKinds(json<RiskSignals>(row.signals), json<RiskSignals | null>(row.at_decision)).length > 0;
    });
    if (toOpen.length === 0) continue;
    const inserted = await db
      .insert(riskCases)
      .values(toOpen.map((row) => ({ id: newCaseId(), accountId: row.account_id, status: 'open' as const, reopenedFrom: row.last_id })))
      .onConflictDoNothing()
      .returning({ reopenedFrom: riskCases.reopenedFrom });
    for (const row of inserted) {
      if (row.reopenedFrom) reopened += 1;
      else opened += 1;
    }
  }
  return { opened, reopened };
}

/** Recomputes these accounts (the index just applied something about them). */
export async function recomputeAccounts(db: Db, accounts: Iterable<string | null | undefined>, now?: number): Promise<RecomputeReport> {
  const ids = [...new Set([...accounts].filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return { flagged: 0, opened: 0, reopened: 0 };
  return recompute(db, { all: false, ids }, now);
}

/** Recomputes every account (the end of a backfill, a first start after the risk tables appeared). */
export async function recomputeAllAccounts(db: Db, now?: number): Promise<RecomputeReport> {
  return recompute(db, { all: true }, now);
}
