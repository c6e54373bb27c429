// The wrapper every mutation goes through, in this order: check the permission (signed-in
// operator from the database; a refused caller learns nothing about the input), parse the input
// with the form's zod schema, write the audit entry as started, refuse if an earlier request on the
// same object is still open (exclusive actions), run the change (a Stripe call with the form's
// idempotency key, or a database write; Stripe's answers update the console's index at once:
// lib/index/write-back.ts), record the outcome, and return a typed result. Expected
// failures are results, never throws.
//
// An outcome is never guessed. When Stripe's answer is lost (a dropped connection, a timeout, a
// 5xx), the entry is recorded as unknown and the same request is sent again with the same key
// (the change finds its own object by the key in its metadata, or Stripe replays it). What that
// shows is recorded; if the backend still cannot be reached, the result says the outcome is
// unknown and the screen follows the request (GET /api/requests/:key) while the reconciler
// (lib/outcomes) finds out.
//
// An action a four-eyes policy may cover (`approval`) is weighed after the input is parsed: where
// its policy applies, it runs only as the execution of an approved request (lib/approvals), and
// is otherwise refused, recorded as denied, with nothing sent to Stripe.
import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import { idempotencyKeySchema } from '@/lib/actions/idempotency-key';
import { ActionError, ActionRefused, type ActionFailure, type ActionResult } from '@/lib/actions/result';
import type { AuditAction } from '@/lib/audit/catalog';
import { completeAuditEntry, getAuditEntry, recordAuditEvent, startAuditEntry } from '@/lib/audit/store';
import { REFUSAL_MESSAGES, refusalForAudit } from '@/lib/auth/access';
import { checkPermission, type SessionOperator } from '@/lib/auth/guard';
import type { Assessment } from '@/lib/approvals/assessment';
import { grantedExecution, policyRefusal } from '@/lib/approvals/gate';
import type { ApprovalAction } from '@/lib/approvals/policy';
import type { Permission } from '@/lib/auth/permissions';
import { getDb, type Db } from '@/lib/db/client';
import { resolveEntry } from '@/lib/outcomes/resolve';
import { entriesForRequest, markRequestEnded, markRequestRunning, openEarlierRequests, recordResolution, requestRunning } from '@/lib/outcomes/store';
import { isUncertain, uncertainMessage } from '@/lib/outcomes/uncertain';
import { withWriteBack } from '@/lib/index/write-back';
import { getStripe, stripeMode } from '@/lib/stripe/client';
import { describeStripeError, summarizeErrorForLog } from '@/lib/stripe/errors';
import type { StripeMode } from '@/lib/stripe/mode';

export type ActionContext = {
  operator: SessionOperator;
  /** From the form; pass it to Stripe as `idempotencyKey` on every POST the action makes. */
  idempotencyKey: string;
  db: Db;
  mode: StripeMode;
  /** This request's audit entry, for records that link to it. */
  auditEntryId: number;
};

type RunOutput<T> = {
  data: T;
  requestId?: string | null;
  /** The object the change made or changed, for the audit log. */
  resultId?: string | null;
  /** Set when an earlier attempt of this request had gone through: how it was found. */
  foundBy?: string | null;
};

export type ActionDefinition<S extends z.ZodObject, T> = {
  /** For logs. */
  name: string;
  /** null: any signed-in operator (e.g. signing oneself out everywhere). */
  permission: Permission | null;
  /** The form's schema; the wrapper adds `idempotencyKey`. */
  schema: S;
  audit: {
    action: AuditAction;
    targetId: (input: z.output<S>, operator: SessionOperator) => string | null;
    /** What to record of the input (secrets are redacted anyway); defaults to the whole input. */
    params?: (input: z.output<S>) => Record<string, unknown>;
  };
  run: (input: z.output<S>, context: ActionContext) => Promise<RunOutput<T>>;
  /**
   * One open request per object: while an earlier request of this action on the same target (for
   * an action with no target yet, by the same operator) has an open outcome under another key, a
   * new one is refused. For money movements and destructive changes. `with` names other actions
   * that conflict on the same object (an open rejection blocks a deletion of the account too).
   */
  exclusive?: boolean | { with: readonly AuditAction[] };
  /** The change in words, for messages ("the reversal"); defaults to "the change". */
  what?: string;
  /**
   * A four-eyes policy may cover this action: `assess` reads the object (never changes it) for
   * what the policy weighs, the review in words and the object's state.
   */
  approval?: {
    action: ApprovalAction;
    assess: (input: z.output<S>, mode: StripeMode) => Promise<Assessment>;
    /**
     * Another way in to an action whose own definition executes approved requests (the risk case's
     * rejection is the account page's): the policy refuses it the same, but an approved request
     * never runs through it.
     */
    gateOnly?: true;
  };
};

/** How long to wait before each re-check of a request whose answer was lost. */
const RECHECK_DELAYS_MS = [300, 1200];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The action's input: the form's fields plus the idempotency key (an empty schema means just the key). */
export type ActionInput<S extends z.ZodObject> = string extends keyof z.input<S>
  ? { idempotencyKey: string }
  : z.input<S> & { idempotencyKey: string };

export type SafeAction<S extends z.ZodObject, T> = (input: ActionInput<S>) => Promise<ActionResult<T>>;

/** Every action made here and its permission: the generated permission tests enumerate them. */
const registry = new WeakMap<object, { name: string; permission: Permission | null }>();

export function actionMetadata(action: unknown): { name: string; permission: Permission | null } | undefined {
  return typeof action === 'function' ? registry.get(action) : undefined;
}

/** What lib/approvals needs of an action a policy may cover: its input check, its assessment and the action itself. */
export type ApprovableAction = {
  name: string;
  permission: Permission;
  /** The action's input as it would run (zod output, its idempotency key included), or the fields' errors. */
  parse: (raw: unknown) => { ok: true; input: Record<string, unknown>; idempotencyKey: string } | { ok: false; fieldErrors: Record<string, string[]> };
  assess: (input: Record<string, unknown>, mode: StripeMode) => Promise<Assessment>;
  run: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
};
const approvable = new Map<ApprovalAction, ApprovableAction>();

/** The action a policy covers, once its module is loaded (lib/approvals/registry.ts loads them all). */
export function approvableAction(action: ApprovalAction): ApprovableAction | undefined {
  return approvable.get(action);
}

export function defineAction<S extends z.ZodObject, T>(definition: ActionDefinition<S, T>): SafeAction<S, T> {
  const envelope = definition.schema.extend({ idempotencyKey: idempotencyKeySchema });

  const action: SafeAction<S, T> = async (rawInput) => {
    const raw: unknown = rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput;
    // Permission first: a caller who may not do this gets the refusal, never the input's errors.
    const decision = await checkPermission(definition.permission);
    const parsed = envelope.safeParse(raw);
    const mode = stripeMode();
    const auditInput = (operator: SessionOperator, input: z.output<S>, idempotencyKey: string) => ({
      operator: actor(operator),
      action: definition.audit.action,
      targetId: definition.audit.targetId(input, operator),
      params: definition.audit.params ? definition.audit.params(input) : (input as Record<string, unknown>),
      idempotencyKey,
      mode,
    });
    if (!decision.ok) {
      // A signed-in operator trying what their role may not do is worth a trace, bad input or not; a stranger is not.
      if (decision.reason === 'forbidden') {
        const operator = decision.operator;
        const valid = parsed.success ? withoutKey<z.output<S>>(parsed.data) : null;
        const entry = valid
          ? auditInput(operator, valid.input, valid.idempotencyKey)
          : { operator: actor(operator), action: definition.audit.action, targetId: null, params: { invalidInput: true, fields: fieldNames(raw) }, idempotencyKey: null, mode };
        await getDb()
          .then((db) => recordAuditEvent(db, entry, { outcome: 'denied', errorMessage: refusalForAudit(operator.role, definition.permission) }))
          .catch((error: unknown) => console.error(`${definition.name}: could not record a denied attempt: ${summarizeErrorForLog(error)}`));
      }
      return { ok: false, error: REFUSAL_MESSAGES[decision.reason] };
    }
    if (!parsed.success) {
      return { ok: false, error: 'Some fields need attention.', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    const { input, idempotencyKey } = withoutKey<z.output<S>>(parsed.data);
    const operator = decision.operator;
    const db = await getDb();

    const started = auditInput(operator, input, idempotencyKey);
    // An approved request's execution is known before its entry is written, so the entry names the request.
    const granted = definition.approval ? await grantedExecution(db, definition.approval.action, { ...input, idempotencyKey }, mode).catch((error: unknown) => ({ refused: describeFailure(error).error })) : null;
    if (granted && 'refused' in granted) {
      await recordAuditEvent(db, started, { outcome: 'denied', errorMessage: granted.refused }).catch((error: unknown) =>
        console.error(`${definition.name}: could not record a refused attempt: ${summarizeErrorForLog(error)}`),
      );
      return { ok: false, error: granted.refused };
    }
    if (granted) started.params = { ...started.params, approvalRequestId: granted.requestId };
    let entryId: number;
    try {
      entryId = await startAuditEntry(db, started);
      granted?.onEntry(entryId);
      // While this request runs, nobody else may decide what became of it (lib/outcomes).
      await markRequestRunning(db, entryId);
    } catch (error) {
      // No trace, no change: the Stripe call is never made without its audit entry.
      console.error(`${definition.name}: could not write the audit entry: ${summarizeErrorForLog(error)}`);
      return { ok: false, error: 'The audit log could not be written, so nothing was changed. Try again shortly.' };
    }
    const context: ActionContext = { operator, idempotencyKey, db, mode, auditEntryId: entryId };

    try {
      if (definition.exclusive) {
        const conflicting = definition.exclusive === true ? [] : definition.exclusive.with;
        const blocked = await earlierOpenRequest(db, { id: entryId, action: started.action, targetId: started.targetId, operatorId: operator.id, idempotencyKey }, conflicting);
        if (blocked) {
          const error = `An earlier request to do this (audit entry #${blocked.id}) is still running or its outcome is not confirmed yet, so nothing was done now: it could make the same change twice. This screen follows the earlier request and shows what it did.`;
          await completeAuditEntry(db, entryId, { outcome: 'failed', errorMessage: error }).catch((auditError: unknown) =>
            console.error(`${definition.name}: could not complete audit entry ${entryId}: ${summarizeErrorForLog(auditError)}`),
          );
          return { ok: false, error, blockedBy: { auditId: blocked.id, idempotencyKey: blocked.idempotencyKey } };
        }
      }
      if (definition.approval && !granted) {
        // Where a four-eyes policy covers it, this action runs only as an approved request's execution.
        const refusal = await policyRefusal(db, { action: definition.approval.action, assess: () => definition.approval!.assess(input, mode) }, mode).catch((error: unknown) => describeFailure(error));
        if (refusal) {
          await completeAuditEntry(db, entryId, { outcome: refusal.approvalRequired ? 'denied' : 'failed', requestId: refusal.requestId ?? null, errorMessage: refusal.error }).catch((auditError: unknown) =>
            console.error(`${definition.name}: could not complete audit entry ${entryId}: ${summarizeErrorForLog(auditError)}`),
          );
          return refusal;
        }
      }
      try {
        const output = await runWritingBack(input, context);
        await recordSuccess(db, entryId, idempotencyKey, output, null);
        return { ok: true, data: output.data };
      } catch (error) {
        if (isUncertain(error)) return await settleUncertain(db, entryId, input, context, error);
        return await recordFailure(db, entryId, error, null);
      }
    } finally {
      await markRequestEnded(db, entryId).catch((error: unknown) => console.error(`${definition.name}: could not end the lease of entry ${entryId}: ${summarizeErrorForLog(error)}`));
    }
  };

  /** The action's work; Stripe's answers to its writes update the console's index at once. */
  function runWritingBack(input: z.output<S>, context: ActionContext): Promise<RunOutput<T>> {
    return withWriteBack(context.db, getStripe(), () => definition.run(input, context));
  }

  /** The answer was lost: record it as unknown, then find out by sending the same request again. */
  async function settleUncertain(db: Db, entryId: number, input: z.output<S>, context: ActionContext, error: unknown): Promise<ActionResult<T>> {
    console.error(`${definition.name}: outcome unknown: ${summarizeErrorForLog(error)}`);
    const lost = describeFailure(error);
    await completeAuditEntry(db, entryId, { outcome: 'unknown', requestId: lost.requestId ?? null, errorMessage: `The answer was lost (${lost.error})` }).catch(
      (auditError: unknown) => console.error(`${definition.name}: could not record audit entry ${entryId} as unknown: ${summarizeErrorForLog(auditError)}`),
    );
    for (const delay of RECHECK_DELAYS_MS) {
      await sleep(delay);
      try {
        const output = await runWritingBack(input, context);
        const how = output.foundBy
          ? `The answer was lost; on checking, found: ${output.foundBy}.`
          : 'The answer was lost; the same request (same idempotency key) was sent again and Stripe answered.';
        await recordSuccess(db, entryId, context.idempotencyKey, output, how);
        return { ok: true, data: output.data };
      } catch (again) {
        if (isUncertain(again)) continue;
        // Refused on the second try: maybe because the first one did it (an account already gone).
        // Only what the check finds decides; a check that cannot read leaves the outcome unknown.
        const entry = await getAuditEntry(db, entryId);
        const resolution = entry ? await resolveEntry(entry, db, new Date(), { ownRequest: true }) : null;
        if (entry && resolution?.status === 'applied') {
          await recordResolution(db, entry, resolution);
          return { ok: false, error: `It was done: ${resolution.how} The first answer was lost.`, unknown: { auditId: entryId, idempotencyKey: context.idempotencyKey } };
        }
        if (resolution?.status === 'not_applied') return recordFailure(db, entryId, again, `The answer was lost; on checking, the change had not been made (${resolution.how})`);
        break;
      }
    }
    return { ok: false, error: uncertainMessage(definition.what ?? 'the change'), unknown: { auditId: entryId, idempotencyKey: context.idempotencyKey } };
  }

  async function recordSuccess(db: Db, entryId: number, idempotencyKey: string, output: RunOutput<T>, how: string | null): Promise<void> {
    const resolution = how ?? (output.foundBy ? `An earlier attempt of this request had gone through: ${output.foundBy}.` : null);
    const recorded = await completeAuditEntry(db, entryId, { outcome: 'succeeded', requestId: output.requestId ?? null, resultId: output.resultId ?? null, resolution }).catch((error: unknown) => {
      // The change is made; the reconciler will find it from the entry left open.
      console.error(`${definition.name}: could not complete audit entry ${entryId}: ${summarizeErrorForLog(error)}`);
      return true;
    });
    // Nobody else records a running request, so this should never happen; if it does, say it loudly.
    if (!recorded) console.error(`ALERT ${definition.name}: audit entry ${entryId} was already final when its change succeeded (${output.resultId ?? 'no object id'}); the log must be corrected by hand.`);
    await settleEarlierAttempts(db, entryId, idempotencyKey, output.resultId ?? null).catch((error: unknown) =>
      console.error(`${definition.name}: could not settle earlier attempts of entry ${entryId}: ${summarizeErrorForLog(error)}`),
    );
  }

  async function recordFailure(db: Db, entryId: number, error: unknown, how: string | null): Promise<ActionFailure> {
    const failure = describeFailure(error);
    if (!(error instanceof ActionError)) console.error(`${definition.name} failed: ${summarizeErrorForLog(error)}`);
    // A refusal by the rules tried nothing: it is denied, in words about the operator.
    const refused = error instanceof ActionRefused;
    const recorded = refused ? { outcome: 'denied' as const, errorMessage: error.logWords } : { outcome: 'failed' as const, errorMessage: failure.error };
    await completeAuditEntry(db, entryId, { ...recorded, requestId: failure.requestId ?? null, resolution: how }).catch((auditError: unknown) =>
      console.error(`${definition.name}: could not complete audit entry ${entryId}: ${summarizeErrorForLog(auditError)}`),
    );
    return failure;
  }

  registry.set(action, { name: definition.name, permission: definition.permission });
  if (definition.approval && !definition.approval.gateOnly) {
    const { approval } = definition;
    if (!definition.permission) throw new Error(`${definition.name}: an approvable action needs a permission of its own.`);
    const existing = approvable.get(approval.action);
    if (existing && existing.name !== definition.name) throw new Error(`${definition.name}: ${existing.name} already executes approved ${approval.action} requests (mark one gateOnly).`);
    approvable.set(approval.action, {
      name: definition.name,
      permission: definition.permission,
      parse: (raw) => {
        const result = envelope.safeParse(raw);
        if (!result.success) return { ok: false, fieldErrors: z.flattenError(result.error).fieldErrors as Record<string, string[]> };
        const { input, idempotencyKey } = withoutKey<Record<string, unknown>>(result.data);
        return { ok: true, input, idempotencyKey };
      },
      assess: (input, mode) => approval.assess(input as z.output<S>, mode),
      run: (input) => action(input as ActionInput<S>),
    });
  }
  return action;
}

function actor(operator: SessionOperator) {
  return { id: operator.id, email: operator.email, role: operator.role };
}

function withoutKey<I>(data: unknown): { input: I; idempotencyKey: string } {
  const { idempotencyKey, ...rest } = data as Record<string, unknown> & { idempotencyKey: string };
  return { input: rest as I, idempotencyKey };
}

/** The names of the fields a refused caller sent (never their values: they were not checked). */
function fieldNames(raw: unknown): string[] {
  return raw && typeof raw === 'object' ? Object.keys(raw).slice(0, 50).map((key) => key.slice(0, 60)) : [];
}

/**
 * Earlier attempts of the same request (same key: "send it again") still open are the same change:
 * they get its outcome, naming the entry that settled it, so the log never counts one change twice.
 */
async function settleEarlierAttempts(db: Db, entryId: number, idempotencyKey: string, resultId: string | null): Promise<void> {
  for (const earlier of await entriesForRequest(db, idempotencyKey)) {
    if (earlier.id >= entryId || (earlier.outcome !== 'started' && earlier.outcome !== 'unknown')) continue;
    // An unknown entry's own attempts are over; a started one may still be running elsewhere.
    if (earlier.outcome === 'started' && (await requestRunning(db, earlier.id))) continue;
    await recordResolution(db, earlier, { status: 'applied', resultId, how: `The same request (same idempotency key) was sent again as audit entry #${entryId}, which recorded this one change.` });
  }
}

/**
 * The id of an earlier open request that blocks this one, after trying to resolve each: a request
 * found applied or not applied no longer blocks.
 */
async function earlierOpenRequest(
  db: Db,
  entry: Parameters<typeof openEarlierRequests>[1],
  conflicting: readonly AuditAction[],
): Promise<{ id: number; idempotencyKey: string | null } | null> {
  for (const earlier of await openEarlierRequests(db, entry, conflicting)) {
    const resolution = await resolveEntry(earlier, db);
    await recordResolution(db, earlier, resolution);
    if (resolution.status !== 'applied' && resolution.status !== 'not_applied') return { id: earlier.id, idempotencyKey: earlier.idempotencyKey };
  }
  return null;
}

function describeFailure(error: unknown): ActionFailure {
  if (error instanceof ActionError) return { ok: false, error: error.message, ...(error.requestId ? { requestId: error.requestId } : {}), ...(error.changed ? { changed: true as const } : {}) };
  if (error instanceof Stripe.errors.StripeError) {
    const plain = describeStripeError(error);
    return { ok: false, error: `${plain.title}: ${plain.message}`, ...(plain.requestId ? { requestId: plain.requestId } : {}) };
  }
  return { ok: false, error: 'Something went wrong; nothing is known to have changed. Try again, and check the audit log.' };
}
