// What billing objects contribute to events (see events/sources.ts): customers, products, prices,
// subscription schedules, subscriptions and invoices, each on the account it was made on.
import { crud } from '../events/crud';
import type { Change, Source } from '../events/sources';
import type { World } from '../core/world';
import { billing, eventOwner } from './store';

type Obj = Record<string, unknown> & { id: string };


function source(table: (w: World) => { get(id: string): unknown }, types: (c: Change) => string[]): Source {
  return {
    get: (w, id) => table(w).get(id) as Obj | undefined,
    owner: (w, o) => eventOwner(w, o.id),
    render: (_ctx, o) => o,
    types,
  };
}

export const BILLING_SOURCES: Record<string, Source> = {
  customer: source((w) => billing(w).customers, crud('customer')),
  product: source((w) => billing(w).products, crud('product')),
  price: source((w) => billing(w).prices, crud('price')),
  subscription_schedule: source(
    (w) => billing(w).schedules,
    (c) => {
      if (!c.before) return ['subscription_schedule.created'];
      const was = c.before.status;
      const is = c.after?.status;
      if (was !== is && (is === 'canceled' || is === 'released' || is === 'completed')) return [`subscription_schedule.${is}`];
      return ['subscription_schedule.updated'];
    },
  ),
  subscription: source(
    (w) => billing(w).subscriptions,
    (c) => {
      if (!c.before) return ['customer.subscription.created'];
      if (c.before.status !== 'canceled' && c.after?.status === 'canceled') return ['customer.subscription.deleted'];
      return ['customer.subscription.updated'];
    },
  ),
  invoice: source(
    (w) => billing(w).invoices,
    (c) => {
      const paid = ['invoice.paid', 'invoice.payment_succeeded'];
      if (!c.before) return ['invoice.created', 'invoice.finalized', ...(c.after?.status === 'paid' ? paid : ['invoice.payment_failed'])];
      if (c.before.status !== 'paid' && c.after?.status === 'paid') return paid;
      return ['invoice.updated'];
    },
  ),
};
