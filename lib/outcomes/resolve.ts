// Finding out what happened to a request whose outcome is unknown (its answer was lost, or the
// console died before recording it), by reading, never by doing it again: the object the request
// made carries its key in metadata (`console_request`), or the object's state shows the change.
// Used by the reconciler, by the request-status route the screen polls, and by the action
// wrapper before it lets a new request on the same object through.
import 'server-only';
import Stripe from 'stripe';
import { carriesRequestKey, madeByRequest, REQUEST_KEY_METADATA } from '@/lib/metadata';
import { isRejected } from '@/lib/accounts/status';
import type { AuditEntry } from '@/lib/audit/store';
import { formatTimestamp } from '@/lib/dates';
import type { Db } from '@/lib/db/open';
import { findFeeRefundByRequest } from '@/lib/fees/mutations';
import { scheduleReached } from '@/lib/billing/schedules/mutations';
import { getOperatorById } from '@/lib/operators/store';
import { getStripe } from '@/lib/stripe/client';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { findTopupByRequest } from '@/lib/topups/mutations';
import { requestRunning } from './store';
import type { Resolution } from './types';
import { findReversalByRequest } from '@/lib/transfers/mutations';

export type { Resolution };

type Finding = { found: true; resultId: string | null; how: string } | { found: false; how: string };

type Finder = (entry: AuditEntry & { idempotencyKey: string }, db: Db) => Promise<Finding | { undeterminable: string }>;

const params = (entry: AuditEntry) => entry.params as Record<string, unknown>;

const byKey = (object: string, found: { id: string } | null, where: string): Finding =>
  found
    ? { found: true, resultId: found.id, how: carriesRequestKey(object, found.id) }
    : { found: false, how: `no ${object} ${where} carries this request's key (${REQUEST_KEY_METADATA})` };

async function accountGone(accountId: string): Promise<boolean> {
  try {
    const account = await getStripe().accounts.retrieve(accountId);
    return Boolean((account as { deleted?: boolean }).deleted);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && (error.statusCode === 404 || error.code === 'resource_missing')) return true;
    throw error;
  }
}

/** A schedule lives on its connected account, which the entry's params name. */
async function scheduleFinding(e: AuditEntry, status: 'canceled' | 'released'): Promise<Finding | { undeterminable: string }> {
  const { accountId } = params(e);
  if (typeof accountId !== 'string') return { undeterminable: 'the entry does not say which account the schedule is on' };
  const reached = await scheduleReached(e.targetId!, accountId, status);
  return reached.found ? { found: true, resultId: e.targetId, how: reached.how } : { found: false, how: reached.how };
}

const FINDERS: Partial<Record<string, Finder>> = {
  'transfer.reverse': async (e) => byKey('reversal', await findReversalByRequest(e.targetId!, e.idempotencyKey), `of transfer ${e.targetId}`),
  'application_fee.refund': async (e) => byKey('refund', await findFeeRefundByRequest(e.targetId!, e.idempotencyKey), `of fee ${e.targetId}`),
  'topup.create': async (e) => {
    const mine = await findTopupByRequest(e.idempotencyKey, e.startedAt);
    if (mine) return byKey('top-up', mine, '');
    // A top-up made before the console wrote request keys carries only who made it: never call that
    // one "not applied" on a guess.
    const from = Math.floor(e.startedAt.getTime() / 1000) - 60;
    const nearby = await getStripe().topups.list({ limit: 100, created: { gte: from, lte: from + 15 * 60 } }).autoPagingToArray({ limit: 1000 });
    const unkeyed = nearby.find((t) => t.metadata?.created_by === e.operatorEmail && !t.metadata?.[REQUEST_KEY_METADATA]);
    if (unkeyed) return { undeterminable: `Top-up ${unkeyed.id}, made by the same operator around then, carries no request key: check whether it is this request's.` };
    return byKey('top-up', null, 'created around then');
  },
  'topup.cancel': async (e) => {
    const topup = await getStripe().topups.retrieve(e.targetId!);
    return topup.status === 'canceled'
      ? { found: true, resultId: topup.id, how: `top-up ${topup.id} is canceled` }
      : { found: false, how: `top-up ${topup.id} is ${topup.status}, not canceled` };
  },
  'account.reject': async (e) => {
    const account = await getStripe().accounts.retrieve(e.targetId!);
    return isRejected(account)
      ? { found: true, resultId: account.id, how: `account ${account.id} is rejected (${account.requirements?.disabled_reason})` }
      : { found: false, how: `account ${account.id} is not rejected` };
  },
  'account.unreject': async (e) => {
    const account = await getStripe().accounts.retrieve(e.targetId!);
    return !isRejected(account) ? { found: true, resultId: account.id, how: `account ${account.id} is no longer rejected` } : { found: false, how: `account ${account.id} is still rejected` };
  },
  'account.delete': async (e) =>
    (await accountGone(e.targetId!)) ? { found: true, resultId: e.targetId, how: `account ${e.targetId} no longer exists` } : { found: false, how: `account ${e.targetId} still exists` },
  'capability.update': async (e) => {
    const { capability, requested } = params(e);
    if (typeof capability !== 'string' || typeof requested !== 'boolean') return { undeterminable: 'the entry does not say which capability' };
    const current = await getStripe().accounts.retrieveCapability(e.targetId!, capability);
    return current.requested === requested
      ? { found: true, resultId: current.id, how: `capability ${capability} is ${requested ? 'requested' : 'not requested'}` }
      : { found: false, how: `capability ${capability} is still ${current.requested ? 'requested' : 'not requested'}` };
  },
  'subscription_schedule.cancel': async (e) => scheduleFinding(e, 'canceled'),
  'subscription_schedule.release': async (e) => scheduleFinding(e, 'released'),
  // A test clock's advance: the clock at (or moving to) the target is the request's work; one still at the reviewed time is not.
  'test_clock.advance': async (e) => {
    const { account, fromFrozenTime, toFrozenTime } = params(e);
    if (typeof account !== 'string' || typeof toFrozenTime !== 'number') return { undeterminable: 'the entry does not say which account or target' };
    const clock = await getStripe().testHelpers.testClocks.retrieve(e.targetId!, {}, { stripeAccount: account });
    const movingTo = clock.status_details?.advancing?.target_frozen_time ?? null;
    if (clock.frozen_time === toFrozenTime) return { found: true, resultId: clock.id, how: `test clock ${clock.id} is at ${formatTimestamp(toFrozenTime)}` };
    if (movingTo === toFrozenTime) return { found: true, resultId: clock.id, how: `test clock ${clock.id} is moving to ${formatTimestamp(toFrozenTime)}` };
    if (clock.frozen_time === fromFrozenTime && clock.status === 'ready') return { found: false, how: `test clock ${clock.id} is still at ${formatTimestamp(clock.frozen_time)}` };
    return { undeterminable: `Test clock ${clock.id} is at ${formatTimestamp(clock.frozen_time)} (${clock.status}), neither where this advance started nor its target: check it.` };
  },
  // A rehearsal: its schedule carries the request key in its metadata.
  'billing_rehearsal.create': async (e) => {
    const { account } = params(e);
    if (typeof account !== 'string') return { undeterminable: 'the entry does not say which account' };
    const customers = await getStripe().customers.list({ test_clock: e.targetId!, limit: 100 }, { stripeAccount: account });
    const schedules = await Promise.all(customers.data.map((c) => getStripe().subscriptionSchedules.list({ customer: c.id, limit: 100 }, { stripeAccount: account })));
    return byKey('subscription schedule', madeByRequest(schedules.flatMap((page) => page.data), e.idempotencyKey), `on test clock ${e.targetId}`);
  },
  'operator.role_change': async (e, db) => {
    const operator = await getOperatorById(db, e.targetId!);
    if (!operator) return { found: false, how: 'the operator no longer exists' };
    return operator.role === params(e).role ? { found: true, resultId: operator.id, how: `the operator's role is ${operator.role}` } : { found: false, how: `the operator's role is ${operator.role}` };
  },
};

/**
 * What the console can find out about one unresolved entry, now. A request still running (its
 * process holds its lease) is left alone, unless `ownRequest`: the action itself asking about its
 * own attempts, which have all ended.
 */
export async function resolveEntry(entry: AuditEntry, db: Db, now: Date = new Date(), { ownRequest = false } = {}): Promise<Resolution> {
  if (!ownRequest && (await requestRunning(db, entry.id, now))) {
    return { status: 'unknown', running: true, how: 'The request is still running (or ended moments ago); its outcome is not known yet.' };
  }
  const finder = FINDERS[entry.action];
  if (!finder || !entry.idempotencyKey || (entry.targetId === null && entry.action !== 'topup.create')) {
    return { status: 'undeterminable', how: `The console cannot find out by itself whether "${entry.action}" went through; check ${entry.targetId ?? 'the object'} and record what you find.` };
  }
  let finding: Finding | { undeterminable: string };
  try {
    finding = await finder({ ...entry, idempotencyKey: entry.idempotencyKey }, db);
  } catch (error) {
    return { status: 'unknown', how: `Could not check yet: ${summarizeErrorForLog(error)}` };
  }
  if ('undeterminable' in finding) return { status: 'undeterminable', how: finding.undeterminable };
  if (finding.found) return { status: 'applied', resultId: finding.resultId, how: `Found: ${finding.how}.` };
  return { status: 'not_applied', how: `Not applied: ${finding.how}.` };
}
