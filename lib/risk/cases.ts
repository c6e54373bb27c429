// Reading a risk case: the account's case being worked (else its latest decided one) with its
// notes, the account's earlier cases with their decisions and notes, and its score and reasons as
// risk_accounts holds them. From the console's database only; the account itself is read live by
// the page (lib/accounts/queries.ts), the evidence from the index (./evidence.ts).
import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { rolesWith } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db/open';
import { operators, riskAccounts, riskCaseNotes, riskCases, type RiskCaseRow } from '@/lib/db/schema';
import type { CaseNoteView, CaseSummary, CaseView, OperatorRef } from './case-view';
import { scoreSignals } from './score';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The operators named by ids, by id. */
async function operatorRefs(db: Db, ids: (string | null)[]): Promise<Map<string, OperatorRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: operators.id, name: operators.name, email: operators.email }).from(operators).where(inArray(operators.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

function summary(row: RiskCaseRow, who: Map<string, OperatorRef>): CaseSummary {
  const ref = (id: string | null) => (id ? (who.get(id) ?? { id, name: id, email: '' }) : null);
  return {
    id: row.id,
    status: row.status,
    decision: row.decision,
    assignee: ref(row.assigneeId),
    escalatedAt: iso(row.escalatedAt),
    escalatedBy: ref(row.escalatedBy),
    escalationNote: row.escalationNote,
    reopenedFrom: row.reopenedFrom,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    decidedBy: ref(row.decidedBy),
    reasonsAtDecision: row.signalsAtDecision ? scoreSignals(row.signalsAtDecision).reasons : null,
  };
}

/** Every case of the account, newest first: the undecided one (at most one) always first. */
export async function casesOfAccount(db: Db, accountId: string): Promise<RiskCaseRow[]> {
  const rows = await db.select().from(riskCases).where(eq(riskCases.accountId, accountId)).orderBy(desc(riskCases.openedAt), desc(riskCases.id));
  return [...rows.filter((r) => r.status !== 'decided'), ...rows.filter((r) => r.status === 'decided')];
}

export async function getCase(db: Db, caseId: string): Promise<RiskCaseRow | null> {
  const [row] = await db.select().from(riskCases).where(eq(riskCases.id, caseId)).limit(1);
  return row ?? null;
}

/** The account's case, its notes, its earlier cases and its score: what the case page shows besides the evidence. */
export async function readCase(db: Db, accountId: string): Promise<CaseView> {
  const [cases, [risk]] = await Promise.all([casesOfAccount(db, accountId), db.select().from(riskAccounts).where(eq(riskAccounts.accountId, accountId)).limit(1)]);
  const notes = cases.length
    ? await db
        .select()
        .from(riskCaseNotes)
        .where(
          inArray(
            riskCaseNotes.caseId,
            cases.map((c) => c.id),
          ),
        )
        .orderBy(asc(riskCaseNotes.id))
    : [];
  const who = await operatorRefs(db, [...cases.flatMap((c) => [c.assigneeId, c.escalatedBy, c.decidedBy]), ...notes.map((n) => n.authorId)]);
  const notesOf = (caseId: string): CaseNoteView[] =>
    notes
      .filter((n) => n.caseId === caseId)
      .map((n) => ({ id: n.id, body: n.body, author: who.get(n.authorId) ?? { id: n.authorId, name: n.authorId, email: '' }, createdAt: n.createdAt.toISOString() }));
  const [current, ...earlier] = cases.map((c) => ({ ...summary(c, who), notes: notesOf(c.id) }));
  return {
    accountId,
    risk: risk
      ? { score: risk.score, reasons: risk.reasons, signals: risk.signals, newestSignalAt: risk.newestSignalAt, computedAt: risk.computedAt.toISOString() }
      : null,
    current: current ?? null,
    earlier,
  };
}

/** The operators a case may be assigned to (active, with a role that decides risk cases), by name. */
export async function listDeciders(db: Db): Promise<OperatorRef[]> {
  const rows = await db
    .select({ id: operators.id, name: operators.name, email: operators.email })
    .from(operators)
    .where(and(eq(operators.active, true), inArray(operators.role, rolesWith('risk.decide'))))
    .orderBy(asc(operators.name));
  return rows;
}
