// A case's evidence, from the console's index: the charges that carry signals (risky, blocked, or
// warned or reviewed: amount, risk level and score, outcome, card country, Radar rule), the early
// fraud warnings and reviews, the disputes on its charges, the account's requirement errors and
// past-due requirements, and the transfers to it with their reversals. Each list newest first and bounded, so the page reads a
// few indexed rows whatever the account's history.
import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { disputeSummary } from '@/lib/disputes/view';
import { indexAccounts, indexObjects, type IndexObjectRow } from '@/lib/db/schema';
import type { CaseEvidence, ChargeEvidence, DisputeEvidence, MoneyEvidence, RequirementErrorEvidence, ReviewEvidence, WarningEvidence } from './case-view';

/** How many of each kind the page shows. */
export const EVIDENCE_LIMIT = 50;

type Loose = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});
const ref = (v: unknown): string | null => str(v) ?? str(obj(v).id);

/** outcome.rule is an id, or (expanded) a rule with its predicate. */
function ruleOf(outcome: Loose): string | null {
  const rule = outcome.rule;
  if (typeof rule === 'string') return rule;
  const r = obj(rule);
  return str(r.predicate) ? `${str(r.action) ?? 'rule'}: ${str(r.predicate)}` : str(r.id);
}

function chargeEvidence(row: IndexObjectRow, warned: Set<string>, reviewed: Set<string>, disputed: Set<string>): ChargeEvidence {
  const data = row.data;
  const outcome = obj(data.outcome);
  const card = obj(obj(data.payment_method_details).card);
  const outcomeType = str(outcome.type);
  const why = [
    row.riskLevel === 'elevated' || row.riskLevel === 'highest' ? `${row.riskLevel} risk` : null,
    outcomeType === 'blocked' ? 'blocked' : null,
    warned.has(row.id) ? 'early fraud warning' : null,
    reviewed.has(row.id) ? 'review' : null,
    disputed.has(row.id) ? 'dispute' : null,
  ].filter((w): w is string => w !== null);
  return {
    id: row.id,
    created: row.created,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    riskLevel: row.riskLevel,
    riskScore: row.riskScore,
    outcome: outcomeType,
    sellerMessage: str(outcome.seller_message),
    cardCountry: str(card.country) ?? str(obj(data.source).country),
    rule: ruleOf(outcome),
    why,
  };
}

const ofAccount = (accountId: string, ...types: string[]) => and(eq(indexObjects.account, accountId), inArray(indexObjects.type, types), eq(indexObjects.deleted, false));

export async function readEvidence(db: Db, accountId: string): Promise<CaseEvidence> {
  const newest = [desc(indexObjects.created), desc(indexObjects.id)] as const;
  const [radar, money, disputeRows, [account]] = await Promise.all([
    db
      .select()
      .from(indexObjects)
      .where(ofAccount(accountId, 'radar.early_fraud_warning', 'review'))
      .orderBy(...newest)
      .limit(EVIDENCE_LIMIT * 2),
    db
      .select()
      .from(indexObjects)
      .where(ofAccount(accountId, 'transfer', 'transfer_reversal'))
      .orderBy(...newest)
      .limit(EVIDENCE_LIMIT + 1),
    db
      .select()
      .from(indexObjects)
      .where(ofAccount(accountId, 'dispute'))
      .orderBy(...newest)
      .limit(EVIDENCE_LIMIT + 1),
    db.select({ data: indexAccounts.data, disabledReason: indexAccounts.disabledReason }).from(indexAccounts).where(eq(indexAccounts.id, accountId)).limit(1),
  ]);
  const warningRows = radar.filter((r) => r.type === 'radar.early_fraud_warning');
  const reviewRows = radar.filter((r) => r.type === 'review');
  const warned = new Set(warningRows.map((r) => r.parent).filter((p): p is string => p !== null));
  const reviewed = new Set(reviewRows.map((r) => r.parent).filter((p): p is string => p !== null));
  const disputed = new Set(disputeRows.map((r) => r.parent).filter((p): p is string => p !== null));
  const parents = [...new Set([...warned, ...reviewed, ...disputed])];

  const charges = await db
    .select()
    .from(indexObjects)
    .where(
      and(
        ofAccount(accountId, 'charge'),
        or(
          inArray(indexObjects.riskLevel, ['elevated', 'highest']),
          sql`${indexObjects.data} -> 'outcome' ->> 'type' = 'blocked'`,
          parents.length ? inArray(indexObjects.id, parents) : sql`false`,
        ),
      ),
    )
    .orderBy(...newest)
    .limit(EVIDENCE_LIMIT + 1);

  const requirements = obj(obj(account?.data).requirements);
  const requirementErrors: RequirementErrorEvidence[] = (Array.isArray(requirements.errors) ? requirements.errors : []).map((e) => {
    const error = obj(e);
    return { requirement: str(error.requirement) ?? '', code: str(error.code) ?? '', reason: str(error.reason) ?? '' };
  });
  const pastDue = (Array.isArray(requirements.past_due) ? requirements.past_due : []).filter((f): f is string => typeof f === 'string');

  const warnings: WarningEvidence[] = warningRows.slice(0, EVIDENCE_LIMIT).map((r) => ({
    id: r.id,
    created: r.created,
    charge: r.parent,
    fraudType: str(r.data.fraud_type),
    actionable: r.status === 'actionable',
  }));
  const reviews: ReviewEvidence[] = reviewRows.slice(0, EVIDENCE_LIMIT).map((r) => ({
    id: r.id,
    created: r.created,
    charge: r.parent,
    open: r.status === 'open',
    reason: str(r.data.reason),
    openedReason: str(r.data.opened_reason),
    closedReason: str(r.data.closed_reason),
  }));
  const moneyEvidence: MoneyEvidence[] = money.slice(0, EVIDENCE_LIMIT).map((r) => ({
    id: r.id,
    type: r.type === 'transfer' ? 'transfer' : 'transfer_reversal',
    created: r.created,
    amount: r.amount,
    currency: r.currency,
    status: r.type === 'transfer' ? r.status : null,
    transfer: r.type === 'transfer' ? r.id : (r.parent ?? ref(r.data.transfer)),
  }));

  const disputes: DisputeEvidence[] = disputeRows.slice(0, EVIDENCE_LIMIT).map(disputeSummary);

  return {
    accountId,
    charges: charges.slice(0, EVIDENCE_LIMIT).map((c) => chargeEvidence(c, warned, reviewed, disputed)),
    warnings,
    reviews,
    requirementErrors,
    pastDue,
    disabledReason: account?.disabledReason ?? null,
    money: moneyEvidence,
    disputes,
    truncated: charges.length > EVIDENCE_LIMIT || money.length > EVIDENCE_LIMIT || disputeRows.length > EVIDENCE_LIMIT || warningRows.length > EVIDENCE_LIMIT || reviewRows.length > EVIDENCE_LIMIT,
  };
}
