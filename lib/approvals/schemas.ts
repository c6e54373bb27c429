// The inputs of the approval actions, shared by the forms and the server actions (which add their
// own idempotency key). A request carries the action's own input, its idempotency key included,
// exactly as the review step made it; the server parses it again with the action's own schema. Pure.
import { z } from 'zod';
import { APPROVAL_ACTIONS } from './policy';

export const approvalRequestId = z.string().regex(/^apr_[A-Za-z0-9]{16}$/, 'Not an approval request id (apr_...)');
const note = z.string().trim().min(3, 'Say why, in a few words.').max(1000, 'At most 1000 characters.');

export const requestApprovalSchema = z.object({
  action: z.enum(APPROVAL_ACTIONS),
  /** The action's input as its review step would send it, with the idempotency key made there. */
  params: z.record(z.string(), z.unknown()),
  note,
});
export type RequestApprovalInput = z.input<typeof requestApprovalSchema>;

export const decideRequestSchema = z.object({ requestId: approvalRequestId, note });
export type DecideRequestInput = z.input<typeof decideRequestSchema>;

export const requestIdSchema = z.object({ requestId: approvalRequestId });

/** The request action's own idempotency key, made from the review's (the execution's) key: a double submit is one request. */
export function requestKeyFor(executionKey: string): string {
  return `${executionKey}-approval`;
}
