'use server';
// Team mutations: changing an operator's role and ending their sessions. Both go through the safe
// action wrapper, so they are permission-checked and written to the audit log like any Stripe change.
import { ActionError } from '@/lib/actions/result';
import { revokeAllOperatorSessions } from '@/lib/auth/session-store';
import { defineAction } from '@/lib/actions/safe-action';
import { changeOperatorRoleSchema, revokeOperatorSessionsSchema } from '@/lib/operators/schemas';
import { getOperatorById, LastAdminError, revokeSessions, setOperatorRole } from '@/lib/operators/store';

export const changeOperatorRole = defineAction({
  name: 'changeOperatorRole',
  permission: 'operators.manage',
  schema: changeOperatorRoleSchema,
  audit: { action: 'operator.role_change', targetId: (input) => input.operatorId },
  run: async ({ operatorId, role }, { db }) => {
    const target = await getOperatorById(db, operatorId);
    if (!target) throw new ActionError('No such operator.');
    // The store refuses to remove the last active admin, checking and writing under one lock.
    const updated = await setOperatorRole(db, operatorId, role).catch((error: unknown) => {
      throw error instanceof LastAdminError ? new ActionError(error.message) : error;
    });
    if (!updated) throw new ActionError('No such operator.');
    return { data: { id: updated.id, role: updated.role, previousRole: target.role } };
  },
});

export const revokeOperatorSessions = defineAction({
  name: 'revokeOperatorSessions',
  permission: 'operators.manage',
  schema: revokeOperatorSessionsSchema,
  audit: { action: 'operator.sessions_revoke', targetId: (input) => input.operatorId },
  run: async ({ operatorId }, { db }) => {
    const updated = await revokeSessions(db, operatorId);
    if (!updated) throw new ActionError('No such operator.');
    // The version bump ends every token; marking the rows revoked says so in the session list too.
    const ended = await revokeAllOperatorSessions(db, operatorId, new Date());
    return { data: { id: updated.id, ended } };
  },
});
