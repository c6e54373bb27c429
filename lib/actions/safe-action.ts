// The wrapper every mutation goes through, in this order: parse the input with the form's zod
// schema, check the permission (signed-in operator from the database), write the audit entry as
// started, run the change (a Stripe call with the form's idempotency key, or a database write),
// record the outcome, and return a typed result. Expected failures are results, never throws.
import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import { ActionError, idempotencyKeySchema, type ActionResult } from '@/lib/actions/result';
import type { AuditAction } from '@/lib/audit/catalog';
import { completeAuditEntry, recordAuditEvent, startAuditEntry } from '@/lib/audit/store';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import { checkPermission, type SessionOperator } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import { getDb, type Db } from '@/lib/db/client';
import { stripeMode } from '@/lib/stripe/client';
import { describeStripeError, summarizeErrorForLog } from '@/lib/stripe/errors';
import type { StripeMode } from '@/lib/stripe/mode';

export type ActionContext = {
  operator: SessionOperator;
  /** From the form; pass it to Stripe as `idempotencyKey` on every POST the action makes. */
  idempotencyKey: string;
  db: Db;
  mode: StripeMode;
};

type RunOutput<T> = { data: T; requestId?: string | null };

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
};

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

export function defineAction<S extends z.ZodObject, T>(definition: ActionDefinition<S, T>): SafeAction<S, T> {
  const envelope = definition.schema.extend({ idempotencyKey: idempotencyKeySchema });

  const action: SafeAction<S, T> = async (rawInput) => {
    const parsed = envelope.safeParse(rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput);
    if (!parsed.success) {
      return { ok: false, error: 'Some fields need attention.', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    const { idempotencyKey, ...rest } = parsed.data as z.output<S> & { idempotencyKey: string };
    const input = rest as z.output<S>;

    const decision = await checkPermission(definition.permission);
    const db = await getDb();
    const mode = stripeMode();
    const auditInput = (operator: SessionOperator) => ({
      operator: actor(operator),
      action: definition.audit.action,
      targetId: definition.audit.targetId(input, operator),
      params: definition.audit.params ? definition.audit.params(input) : (input as Record<string, unknown>),
      idempotencyKey,
      mode,
    });
    if (!decision.ok) {
      // A signed-in operator trying what their role may not do is worth a trace; a stranger is not.
      if (decision.reason === 'forbidden') {
        await recordAuditEvent(db, auditInput(decision.operator), { outcome: 'denied', errorMessage: REFUSAL_MESSAGES.forbidden }).catch(
          (error: unknown) => console.error(`${definition.name}: could not record a denied attempt: ${summarizeErrorForLog(error)}`),
        );
      }
      return { ok: false, error: REFUSAL_MESSAGES[decision.reason] };
    }

    const operator = decision.operator;
    let entryId: number;
    try {
      entryId = await startAuditEntry(db, auditInput(operator));
    } catch (error) {
      // No trace, no change: the Stripe call is never made without its audit entry.
      console.error(`${definition.name}: could not write the audit entry: ${summarizeErrorForLog(error)}`);
      return { ok: false, error: 'The audit log could not be written, so nothing was changed. Try again shortly.' };
    }

    try {
      const output = await definition.run(input, { operator, idempotencyKey, db, mode });
      await completeAuditEntry(db, entryId, { outcome: 'succeeded', requestId: output.requestId ?? null });
      return { ok: true, data: output.data };
    } catch (error) {
      const failure = describeFailure(error);
      if (!(error instanceof ActionError)) console.error(`${definition.name} failed: ${summarizeErrorForLog(error)}`);
      await completeAuditEntry(db, entryId, { outcome: 'failed', requestId: failure.requestId ?? null, errorMessage: failure.error }).catch(
        (auditError: unknown) => console.error(`${definition.name}: could not complete audit entry ${entryId}: ${summarizeErrorForLog(auditError)}`),
      );
      return failure;
    }
  };
  registry.set(action, { name: definition.name, permission: definition.permission });
  return action;
}

function actor(operator: SessionOperator) {
  return { id: operator.id, email: operator.email, role: operator.role };
}

function describeFailure(error: unknown): { ok: false; error: string; requestId?: string } {
  if (error instanceof ActionError) return { ok: false, error: error.message, ...(error.requestId ? { requestId: error.requestId } : {}) };
  if (error instanceof Stripe.errors.StripeError) {
    const plain = describeStripeError(error);
    return { ok: false, error: `${plain.title}: ${plain.message}`, ...(plain.requestId ? { requestId: plain.requestId } : {}) };
  }
  return { ok: false, error: 'Something went wrong; nothing is known to have changed. Try again, and check the audit log.' };
}
