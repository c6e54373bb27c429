// Writing a risk case: claim, assign, note, clear, escalate, and the rejection's decision. Each
// write is one statement (or one transaction) guarded by the case's state, so two operators acting
// at once cannot both decide it; an expected refusal is an ActionError in words. The actions
// (./actions.ts) call these through the action wrapper.
import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { ActionError } from '@/lib/actions/result';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/open';
import { auditEntries, operators, riskAccounts, riskCaseNotes, riskCases, type RiskCaseRow } from '@/lib/db/schema';
import { getCase } from './cases';
import type { RiskDecision } from './case-states';

/** The case, or a refusal in words. */
export async function requireCase(db: Db, caseId: string): Promise<RiskCaseRow> {
  const found = await getCase(db, caseId);
  if (!found) throw new ActionError('No such case: it may have been replaced; reload the page.');
  return found;
}

const undecided = (caseId: string) => and(eq(riskCases.id, caseId), ne(riskCases.status, 'decided'));

/** A refusal for a case that is already decided. */
function alreadyDecided(row: RiskCaseRow): ActionError {
  return new ActionError(`This case was already decided (${row.decision ?? 'decided'}), so nothing was changed. A new signal opens a new case.`);
}

/**
 * An earlier attempt of the same request (same key, same action) that succeeded: a retried submit
 * is then one change, as Stripe's idempotency keys make it for Stripe's writes.
 */
export async function earlierSuccess(db: Db, idempotencyKey: string, action: string): Promise<{ resultId: string | null } | null> {
  const [row] = await db
    .select({ resultId: auditEntries.resultId })
    .from(auditEntries)
    .where(and(eq(auditEntries.idempotencyKey, idempotencyKey), eq(auditEntries.action, action), eq(auditEntries.outcome, 'succeeded')))
    .limit(1);
  return row ?? null;
}

/** Assigns the case (open or in progress) to an operator; it is then in progress. */
export async function assignCase(db: Db, caseId: string, assigneeId: string): Promise<RiskCaseRow> {
  const [row] = await db
    .update(riskCases)
    .set({ assigneeId, status: 'in_progress', updatedAt: sql`now()` })
    .where(undecided(caseId))
    .returning();
  if (row) return row;
  throw alreadyDecided(await requireCase(db, caseId));
}

/** An operator a case may be assigned to: active, with a role that decides risk cases. */
export async function requireDecider(db: Db, operatorId: string): Promise<{ id: string; name: string }> {
  const [op] = await db.select({ id: operators.id, name: operators.name, role: operators.role, active: operators.active }).from(operators).where(eq(operators.id, operatorId)).limit(1);
  if (!op || !op.active) throw new ActionError('No such active operator.');
  if (!can(op.role, 'risk.decide')) throw new ActionError(`${op.name} cannot decide risk cases (role ${op.role}); assign it to someone who can.`);
  return { id: op.id, name: op.name };
}

/** Appends a note (notes are never changed or removed: the database refuses it). */
export async function addNote(db: Db, caseId: string, authorId: string, body: string): Promise<{ id: number }> {
  await requireCase(db, caseId);
  const [note] = await db.insert(riskCaseNotes).values({ caseId, authorId, body }).returning({ id: riskCaseNotes.id });
  await db.update(riskCases).set({ updatedAt: sql`now()` }).where(eq(riskCases.id, caseId));
  return note!;
}

/**
 * Decides the case, recording the signals present at that moment (what a later signal is compared
 * with to reopen the account), and keeps the decision's note with the others. With `replay`, a
 * case already decided the same way (the same request again, after Stripe replayed its answer) is
 * left as it is; otherwise a decided case refuses.
 */
export async function decideCase(db: Db, caseId: string, decision: RiskDecision, operatorId: string, note: string | null, { replay = false } = {}): Promise<RiskCaseRow> {
  return db.transaction(async (tx) => {
    const current = await requireCase(tx as unknown as Db, caseId);
    if (current.status === 'decided') {
      if (replay && current.decision === decision) return current;
      throw alreadyDecided(current);
    }
    const [risk] = await tx.select({ signals: riskAccounts.signals }).from(riskAccounts).where(eq(riskAccounts.accountId, current.accountId)).limit(1);
    const [row] = await tx
      .update(riskCases)
      .set({ status: 'decided', decision, decidedAt: sql`now()`, decidedBy: operatorId, signalsAtDecision: risk?.signals ?? null, updatedAt: sql`now()` })
      .where(undecided(caseId))
      .returning();
    if (!row) throw alreadyDecided(await requireCase(tx as unknown as Db, caseId));
    if (note) await tx.insert(riskCaseNotes).values({ caseId, authorId: operatorId, body: note });
    return row;
  });
}

/** Escalates the case to an admin with a note; it stays open for their decision. */
export async function escalateCase(db: Db, caseId: string, operatorId: string, note: string): Promise<RiskCaseRow> {
  const [row] = await db
    .update(riskCases)
    .set({ escalatedAt: sql`now()`, escalatedBy: operatorId, escalationNote: note, status: 'in_progress', updatedAt: sql`now()` })
    .where(undecided(caseId))
    .returning();
  if (row) return row;
  throw alreadyDecided(await requireCase(db, caseId));
}
