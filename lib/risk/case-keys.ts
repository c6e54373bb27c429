// React Query keys and query options for the case page: one factory, so the server's prefetch and
// the browser's cache share keys, and each case action invalidates exactly what it changed. The
// browser reads through GET /api/risk/cases/:accountId (the case, its notes, earlier cases, score)
// and /api/risk/cases/:accountId/evidence (the index's evidence). Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { CaseEvidence, CaseView } from './case-view';

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

/** What each case action changes: the case itself; a review's approval the evidence too; a rejection also the account (the account page's own invalidations). */
export const caseInvalidations = {
  caseOnly: (accountId: string) => [view(caseKeys.detail(accountId))],
  approve: (accountId: string) => [view(caseKeys.detail(accountId)), view(caseKeys.evidence(accountId))],
};
