// React Query keys and query options for the case page: one factory, so the server's prefetch and
// the browser's cache share keys, and each case action invalidates exactly what it changed. The
// browser reads through GET /api/risk/cases/:accountId (the case, its notes, earlier cases, score)
// and /api/risk/cases/:accountId/evidence (the index's evidence). Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { CaseEvidence, CaseView } from './case-view';
import { riskKeys } from './keys';

export const caseKeys = {
  all: ['risk-case'] as const,
  detail: (accountId: string) => [...caseKeys.all, accountId] as const,
  evidence: (accountId: string) => [...caseKeys.detail(accountId), 'evidence'] as const,
};

const path = (accountId: string, view = '') => `/api/risk/cases/${encodeURIComponent(accountId)}${view}`;

export const caseQueries = {
  detail: (accountId: string) => queryOptions({ queryKey: caseKeys.detail(accountId), queryFn: () => getJson<CaseView>(path(accountId)) }),
  evidence: (accountId: string) => queryOptions({ queryKey: caseKeys.evidence(accountId), queryFn: () => getJson<CaseEvidence>(path(accountId, '/evidence')) }),
};

const view = (queryKey: readonly unknown[]) => ({ queryKey, exact: true });
/** The queue (every filter of it) and the navigation's waiting count: a case's status, assignee or score moved. */
const queue = () => [{ queryKey: riskKeys.queues(), exact: false }, view(riskKeys.waiting())];

/** What each case action changes, so its success refetches exactly those views. A rejection also
 * changes the account (the account page's own invalidations, which its dialog applies). */
export const caseInvalidations = {
  /** A note: the case's notes only (the queue does not show them). */
  note: (accountId: string) => [view(caseKeys.detail(accountId))],
  /** Claim, assign, clear, escalate, reject: the case, and its row in the queue. */
  decision: (accountId: string) => [view(caseKeys.detail(accountId)), ...queue()],
  /** Approving a review: the case (its score), the evidence (the review closed), the queue. */
  approve: (accountId: string) => [view(caseKeys.detail(accountId)), view(caseKeys.evidence(accountId)), ...queue()],
};
