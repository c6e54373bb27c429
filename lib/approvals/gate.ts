// The server's decision, inside the action wrapper, on an action a four-eyes policy may cover.
// Where the policy does not apply it runs as before. Where it applies it runs only as the
// execution of an approved request, which the approvals executor grants on the server
// (grant.ts) and which must be, to the letter, the request that was approved: same action, same
// parameters, same idempotency key, still claimed for execution, same mode. Anything else is
// refused and nothing is sent to Stripe.
import 'server-only';
import type { ActionFailure } from '@/lib/actions/result';
import type { Db } from '@/lib/db/open';
import type { StripeMode } from '@/lib/stripe/mode';
import { canonicalJson, type Assessment } from './assessment';
import { currentGrant } from './grant';
import { needsApproval, policyApplies, type ApprovalAction } from './policy';
import { getPolicy, getRequest } from './store';

export type Granted = { requestId: string; onEntry: (auditEntryId: number) => void };

/** The approved request this call executes (under the executor's grant), null outside one; refused when it is not that request. */
export async function grantedExecution(
  db: Db,
  action: ApprovalAction,
  input: Record<string, unknown> & { idempotencyKey: string },
  mode: StripeMode,
): Promise<Granted | { refused: string } | null> {
  const grant = currentGrant();
  if (!grant) return null;
  const request = await getRequest(db, grant.requestId);
  const matches =
    request !== null &&
    request.status === 'approved' &&
    request.action === action &&
    request.mode === mode &&
    request.executionKey === input.idempotencyKey &&
    canonicalJson(request.params) === canonicalJson(input);
  if (!matches) return { refused: 'This is not the request that was approved, so nothing was done.' };
  return { requestId: request.id, onEntry: (id) => (grant.auditEntryId = id) };
}

/** Outside an approved request: the refusal when the action's policy says it needs approval, else null. */
export async function policyRefusal(db: Db, spec: { action: ApprovalAction; assess: () => Promise<Assessment> }, mode: StripeMode): Promise<ActionFailure | null> {
  const policy = await getPolicy(db, spec.action);
  // Only what the policy covers is read from Stripe to be weighed.
  if (!policyApplies(policy, mode)) return null;
  const decision = needsApproval(policy, spec.action, (await spec.assess()).subject, mode);
  if (!decision.needed) return null;
  return { ok: false, error: `${decision.why} Nothing was done: request approval instead.`, approvalRequired: true };
}
