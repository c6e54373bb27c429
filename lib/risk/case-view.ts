// What the case page shows, as the route handlers answer it and the server prefetches it: a case
// with its notes and the account's earlier cases, and the evidence from the index. Types and a
// few words only, so the browser can import them. Pure.
import type { RiskCaseStatus, RiskDecision } from './case-states';
import type { RiskReason, RiskSignals } from './signals';
import type { DisputeSummary } from '@/lib/disputes/view';

export interface OperatorRef {
  id: string;
  name: string;
  email: string;
}

export interface CaseNoteView {
  id: number;
  body: string;
  author: OperatorRef;
  /** ISO time. */
  createdAt: string;
}

export interface CaseSummary {
  id: string;
  status: RiskCaseStatus;
  decision: RiskDecision | null;
  assignee: OperatorRef | null;
  escalatedAt: string | null;
  escalatedBy: OperatorRef | null;
  escalationNote: string | null;
  reopenedFrom: string | null;
  openedAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: OperatorRef | null;
  /** The signals as they stood at the decision, in words (from the score's reasons). */
  reasonsAtDecision: RiskReason[] | null;
}

export interface CaseView {
  accountId: string;
  /** The account's score and what it is made of now; null when it has no signal. */
  risk: { score: number; reasons: RiskReason[]; signals: RiskSignals; newestSignalAt: number | null; computedAt: string } | null;
  /** The case being worked (the undecided one), else the latest decided one; null when none was ever opened. */
  current: (CaseSummary & { notes: CaseNoteView[] }) | null;
  /** The account's other cases, newest first, with their notes. */
  earlier: (CaseSummary & { notes: CaseNoteView[] })[];
}

export interface ChargeEvidence {
  id: string;
  created: number | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  riskLevel: string | null;
  riskScore: number | null;
  /** outcome.type: authorized, manual_review, blocked, issuer_declined... */
  outcome: string | null;
  sellerMessage: string | null;
  cardCountry: string | null;
  /** The Radar rule that acted on it (outcome.rule), when any. */
  rule: string | null;
  /** Why it is evidence, in short words. */
  why: string[];
}

export interface WarningEvidence {
  id: string;
  created: number | null;
  charge: string | null;
  fraudType: string | null;
  actionable: boolean;
}

export interface ReviewEvidence {
  id: string;
  created: number | null;
  charge: string | null;
  open: boolean;
  reason: string | null;
  openedReason: string | null;
  closedReason: string | null;
}

export interface RequirementErrorEvidence {
  requirement: string;
  code: string;
  reason: string;
}

export interface MoneyEvidence {
  id: string;
  type: 'transfer' | 'transfer_reversal';
  created: number | null;
  amount: number | null;
  currency: string | null;
  /** A transfer's paid / partially_reversed / reversed; a reversal's transfer. */
  status: string | null;
  transfer: string | null;
}

export type DisputeEvidence = DisputeSummary;

export interface CaseEvidence {
  accountId: string;
  charges: ChargeEvidence[];
  warnings: WarningEvidence[];
  reviews: ReviewEvidence[];
  requirementErrors: RequirementErrorEvidence[];
  pastDue: string[];
  /** Stripe's own disabled_reason, when Stripe rejected or restricted it. */
  disabledReason: string | null;
  money: MoneyEvidence[];
  disputes: DisputeEvidence[];
  /** Whether a list was cut at its limit. */
  truncated: boolean;
}

export const CASE_STATUS_WORDS: Record<RiskCaseStatus, string> = { open: 'Open', in_progress: 'In progress', decided: 'Decided' };
export const DECISION_WORDS: Record<RiskDecision, string> = { rejected: 'Account rejected', cleared: 'Cleared' };
