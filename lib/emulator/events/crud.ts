// created / updated / deleted, for objects whose Stripe events are named that way (a module of its
// own: events/sources.ts and billing/events.ts both use it, and the second is part of the first).
import type { Change } from './sources';

export const crud = (prefix: string) => (c: Change) => [`${prefix}.${!c.before ? 'created' : !c.after ? 'deleted' : 'updated'}`];
