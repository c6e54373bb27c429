'use server';
// Team mutations: changing an operator's role and ending their sessions. Both go through the safe
// action wrapper, so they are permission-checked and written to the audit log like any Stripe change.
import { ActionError } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/safe-action';
import { changeOperatorRoleSchema, revokeOperatorSessionsSchema } from '@/lib/operators/schemas';
import { countOtherActiveAdmins, getOperatorById, revokeSessions, setOperatorRole } from '@/lib/operators/store';

export const changeOperatorRole = defineAction({
  name: 'changeOperatorRole',
  permission: 'operators.manage',
  schema: changeOperatorRoleSchema,
  audit: { action: 'operator.role_change', targetId: (input) => input.operatorId },
  run: async ({ operatorId, role }, { db }) => {
    const target = await getOperatorById(db, operatorId);
    if (!target) throw new ActionError('No such operator.');
    if (target.role === 'admin' && role !== 'admin' && target.active && (await countOtherActiveAdmins(db, operatorId)) === 0) {
      throw new ActionError('The console needs at least one active admin: make someone else admin first.');
    }
    const updated = await setOperatorRole(db, operatorId, role);
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
    return { data: { id: updated.id } };
  },
});
