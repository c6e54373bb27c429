// A risk case's states and decisions, named once for the schema, the queue and the case page. Pure.

export const RISK_CASE_STATUSES = ['open', 'in_progress', 'decided'] as const;
export type RiskCaseStatus = (typeof RISK_CASE_STATUSES)[number];
export const RISK_DECISIONS = ['rejected', 'cleared'] as const;
export type RiskDecision = (typeof RISK_DECISIONS)[number];
