// The events of one World (one mode): what changed, in the order it changed, as Stripe's `event`
// objects. An event keeps its `data.object` (and `previous_attributes`) once per rendering era
// (see RENDER_ERAS in core/versions.ts), so that whoever reads it, a webhook endpoint pinned to an
// older API version or a request at the newest one, gets the object as that version shows it.
import type Stripe from 'stripe';
import { eraOf } from '../core/versions';

/** A value as each rendering era shows it: `[era, json]` pairs, oldest era first, equal neighbours merged. */
export type Versioned = readonly (readonly [era: string, json: string])[];

export interface EventRecord {
  id: string;
  type: string;
  /** The connected account the event happened on, or null for the platform's own. */
  account: string | null;
  created: number;
  /** The API request that caused it; both null for changes made by the clock. */
  request: { id: string | null; idempotency_key: string | null };
  object: Versioned;
  previous: Versioned | null;
  /** Deliveries still owed to webhook endpoints (`pending_webhooks`). */
  pending_webhooks: number;
  /** Endpoints that gave up on this event after their last try. */
  failed_webhooks: number;
  /** Order of making: ties between events of the same second. */
  seq: number;
}

/** The value for rendering era `era`: the newest entry that is not newer than it. */
export function inEra(v: Versioned, era: string): unknown {
  let pick = v[0];
  for (const entry of v) if (entry[0] <= era) pick = entry;
  return JSON.parse(pick[1]);
}

/** The value for `version` (its rendering era's). */
export function atVersion(v: Versioned, version: string): unknown {
  return inEra(v, eraOf(version));
}

/** The event as Stripe sends it to a reader at `version` (an endpoint's, or a request's). */
export function renderEvent(e: EventRecord, version: string, livemode: boolean): Stripe.Event {
  const data: Record<string, unknown> = { object: atVersion(e.object, version) };
  if (e.previous) data.previous_attributes = atVersion(e.previous, version);
  return {
    id: e.id,
    object: 'event',
    ...(e.account ? { account: e.account } : {}),
    api_version: version,
    created: e.created,
    data,
    livemode,
    pending_webhooks: e.pending_webhooks,
    request: { ...e.request },
    type: e.type,
  } as unknown as Stripe.Event;
}

export type EventListener = (e: EventRecord) => void;

/** The events of a World, oldest first in `all`; listeners hear each one as it is appended. */
export class EventStore {
  private readonly byId = new Map<string, EventRecord>();
  /** Oldest first (the order of making). */
  private all: EventRecord[] = [];
  private seq = 0;
  private readonly listeners = new Set<EventListener>();

  append(e: Omit<EventRecord, 'seq' | 'pending_webhooks' | 'failed_webhooks'>): EventRecord {
    const rec: EventRecord = { ...e, pending_webhooks: 0, failed_webhooks: 0, seq: ++this.seq };
    this.byId.set(rec.id, rec);
    this.all.push(rec);
    for (const l of this.listeners) l(rec);
    return rec;
  }

  get(id: string): EventRecord | undefined {
    return this.byId.get(id);
  }

  /** Newest first: created descending, then the later made first. */
  newestFirst(filter?: (e: EventRecord) => boolean): EventRecord[] {
    const out: EventRecord[] = [];
    for (let i = this.all.length - 1; i >= 0; i--) {
      const e = this.all[i];
      if (!filter || filter(e)) out.push(e);
    }
    // Events are appended in time order; a clock that moved back (tests) is the only exception.
    return out.sort((a, b) => b.created - a.created || b.seq - a.seq);
  }

  get size(): number {
    return this.all.length;
  }

  /** Forgets events made before `cutoff` (Stripe keeps 30 days). */
  prune(cutoff: number): void {
    if (this.all.length === 0 || this.all[0].created >= cutoff) return;
    const keep = this.all.filter((e) => e.created >= cutoff);
    for (const e of this.all) if (e.created < cutoff) this.byId.delete(e.id);
    this.all = keep;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
