// The approvable actions, by policy action: loading their modules registers them with the action
// wrapper (defineAction's `approval`), so a request can be checked, assessed and executed here
// through the very action an operator would run.
import 'server-only';
import '@/lib/accounts/actions';
import '@/lib/billing/schedules/actions';
import '@/lib/fees/actions';
import '@/lib/topups/actions';
import '@/lib/transfers/actions';
import { approvableAction, type ApprovableAction } from '@/lib/actions/safe-action';
import type { ApprovalAction } from './policy';

export function approvable(action: ApprovalAction): ApprovableAction {
  const found = approvableAction(action);
  if (!found) throw new Error(`No action is registered for ${action} approvals.`);
  return found;
}
