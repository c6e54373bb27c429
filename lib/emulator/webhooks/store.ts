// The webhook endpoints of one World (one mode): Stripe's objects in a table, and beside them what
// Stripe keeps but does not show again (the signing secret, whether the endpoint is a Connect one).
// They live with their World, so a reset (which makes new Worlds) drops them.
import type Stripe from 'stripe';
import { Table, type World } from '../core/world';

/** Stripe's limit of webhook endpoints per account (and mode). */
export const MAX_ENDPOINTS = 16;

export interface EndpointFacts {
  secret: string;
  /** Receives the events of connected accounts (true) or the platform's own (false). */
  connect: boolean;
}

export class EndpointStore {
  readonly table: Table<Stripe.WebhookEndpoint>;
  readonly facts = new Map<string, EndpointFacts>();
  private readonly stopListeners = new Set<(id: string) => void>();

  constructor(world: World) {
    this.table = new Table<Stripe.WebhookEndpoint>(world, 'webhook_endpoint');
  }

  /** The endpoints that receive an event of `type` on `account` (null: the platform's own). */
  receivers(type: string, account: string | null): Stripe.WebhookEndpoint[] {
    const out: Stripe.WebhookEndpoint[] = [];
    if (this.table.size === 0) return out;
    for (const e of this.table.values()) {
      if (e.status !== 'enabled' || this.facts.get(e.id)?.connect !== (account !== null)) continue;
      if (e.enabled_events.includes('*') || e.enabled_events.includes(type)) out.push(e);
    }
    return out;
  }

  /** An endpoint was disabled or deleted: what is still owed to it is dropped (webhooks/dispatcher.ts listens). */
  stopped(id: string): void {
    for (const l of this.stopListeners) l(id);
  }

  onStopped(listener: (id: string) => void): void {
    this.stopListeners.add(listener);
  }
}

const stores = new WeakMap<World, EndpointStore>();

export function endpointsOf(world: World): EndpointStore {
  let s = stores.get(world);
  if (!s) stores.set(world, (s = new EndpointStore(world)));
  return s;
}
