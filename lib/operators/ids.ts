// Operator ids: `op_` and 16 random letters and digits, shaped like Stripe's own ids.
import { randomId } from '@/lib/random-id';

export function newOperatorId(): string {
  return randomId('op_');
}
