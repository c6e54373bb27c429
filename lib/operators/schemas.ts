// The Team page's form schemas, shared by the form and the server action. Client-safe.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const operatorIdSchema = z.string().regex(/^op_[A-Za-z0-9]{8,64}$/, { message: 'is not an operator id' });

export const changeOperatorRoleSchema = z.object({
  operatorId: operatorIdSchema,
  role: z.enum(ROLES, { message: 'must be one of the roles' }),
});
export type ChangeOperatorRoleInput = z.infer<typeof changeOperatorRoleSchema>;

export const revokeOperatorSessionsSchema = z.object({ operatorId: operatorIdSchema });
