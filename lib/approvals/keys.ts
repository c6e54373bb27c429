// React Query keys and query options for the approval views (the inbox, one request, the
// requests on one object, the policies), and the shapes the routes answer. The browser reads
// through /api/approvals. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { ApprovalStatus } from './status';
import type { StripeMode } from '@/lib/stripe/mode';
import type { Snapshot, SnapshotChange } from './assessment';
import type { ApprovalAction, ApprovalPolicy } from './policy';

export type ApprovalRequestView = {
  id: string;
  action: ApprovalAction;
  targetId: string | null;
  summary: string;
  note: string;
  amount: number | null;
  currency: string | null;
  mode: StripeMode;
  status: ApprovalStatus;
  requestedByEmail: string;
  requestedAt: string;
  expiresAt: string;
  decidedByEmail: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  attempts: number;
  executionRequestId: string | null;
  executionResultId: string | null;
  executionError: string | null;
  retryable: boolean;
  snapshot: Snapshot;
  audit: { request: number | null; decision: number | null; execution: number | null };
  /** What this operator may do with it (the server decides again). */
  mine: boolean;
  mayDecide: boolean;
  whyNot: string | null;
};

export type RequestDetail = ApprovalRequestView & {
  /** The object now against the snapshot, for a pending request; null when it could not be read (`liveError`). */
  changes: SnapshotChange[] | null;
  liveError: string | null;
};

/** What a review step gets back when it requested approval instead of acting. */
export type ApprovalRequested = { approvalRequested: true; requestId: string; status: ApprovalStatus; expiresAt: string };

/** Whether an action's answer is a request for approval rather than the change itself. */
export function isApprovalRequested(data: object): data is ApprovalRequested {
  return 'approvalRequested' in data && data.approvalRequested === true;
}

export type Inbox = { toDecide: ApprovalRequestView[]; mine: ApprovalRequestView[]; others: ApprovalRequestView[] };
export type PoliciesView = { mode: StripeMode; policies: Record<ApprovalAction, ApprovalPolicy> };

const enc = encodeURIComponent;

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: () => [...approvalKeys.all, 'inbox'] as const,
  detail: (id: string) => [...approvalKeys.all, 'detail', id] as const,
  object: (objectId: string) => [...approvalKeys.all, 'object', objectId] as const,
  policies: () => [...approvalKeys.all, 'policies'] as const,
};

export const approvalQueries = {
  inbox: () => queryOptions({ queryKey: approvalKeys.inbox(), queryFn: () => getJson<Inbox>('/api/approvals') }),
  detail: (id: string) => queryOptions({ queryKey: approvalKeys.detail(id), queryFn: () => getJson<RequestDetail>(`/api/approvals/${enc(id)}`) }),
  object: (objectId: string) => queryOptions({ queryKey: approvalKeys.object(objectId), queryFn: () => getJson<ApprovalRequestView[]>(`/api/approvals/objects/${enc(objectId)}`) }),
  policies: () => queryOptions({ queryKey: approvalKeys.policies(), queryFn: () => getJson<PoliciesView>('/api/approvals/policies'), staleTime: 60_000 }),
};
