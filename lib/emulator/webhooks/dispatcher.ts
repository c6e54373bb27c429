// Webhook deliveries: every event goes to each enabled endpoint of its World that asked for its
// type (or `*`) and is of its kind (a Connect endpoint hears events on connected accounts, a
// platform endpoint the platform's own). Each delivery is a signed JSON POST of the event at the
// endpoint's API version; one that gets no 2xx within the timeout is tried again with exponential
// backoff (backoff.ts) and given up after the last try. Deliveries never hold up the API's answer,
// are at least once and in no particular order; `pending_webhooks` on the event counts what is still
// owed, `failed_webhooks` the endpoints that gave up. Delivery faults (faults.ts) can duplicate,
// delay, reorder or drop first attempts on demand.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type Stripe from 'stripe';
import type { Mode, World } from '../core/world';
import { renderEvent, type EventRecord } from '../events/store';
import { retryDelay, type WebhookOptions } from './backoff';
import { DeliveryFaults, type DeliveryFaultHit, type DeliveryPlan } from './faults';
import { signatureHeader } from './signature';
import { endpointsOf } from './store';

/** One attempt to deliver an event to an endpoint, as GET /_emulator/webhooks/deliveries lists it. */
export interface DeliveryAttempt {
  /** The delivery (one event to one endpoint) this attempt belongs to. */
  delivery: string;
  event: string;
  type: string;
  livemode: boolean;
  endpoint: string;
  url: string;
  /** 1 for the first try; a duplicate copy has the number of the attempt it copies. */
  attempt: number;
  /** The receiver's HTTP status, or null when there was no answer (see `error`). */
  status: number | null;
  error: string | null;
  duration_ms: number;
  /** When the attempt was made (ms since the epoch). */
  at: number;
  faults: DeliveryFaultHit[];
  /** What came of it: delivered, will_retry (at `next_retry_at`), gave_up, stopped (the endpoint was disabled or deleted meanwhile), duplicate (an extra copy). */
  outcome: 'delivered' | 'will_retry' | 'gave_up' | 'stopped' | 'duplicate';
  next_retry_at?: number;
}

interface Delivery {
  id: string;
  world: World;
  rec: EventRecord;
  endpoint: string;
  attempts: number;
  state: 'queued' | 'held' | 'sending' | 'waiting' | 'done';
  timer: NodeJS.Timeout | null;
  plan: DeliveryPlan | null;
  /** Which of the plan's first-attempt faults are behind it. */
  used: { drop: boolean; delay: boolean; reorder: boolean; duplicate: boolean };
}

/** Attempts on the wire at once per endpoint; the rest wait their turn (the timeout runs from sending). */
export const ENDPOINT_CONCURRENCY = 8;
const LOG_SIZE = 5000;
const USER_AGENT = 'Stripe/1.0 (+https://stripe.com/docs/webhooks)';

export interface PostResult {
  status: number | null;
  error: string | null;
}

/** POSTs `body` to `url`; resolves with the status once the answer's head arrives, or the error (never rejects). */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number, agents: { http: HttpAgent; https: HttpsAgent }): Promise<PostResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const https = url.startsWith('https:');
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, { method: 'POST', agent: https ? agents.https : agents.http, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res: IncomingMessage) => {
      res.resume();
      done({ status: res.statusCode ?? null, error: null });
    });
    const timer = setTimeout(() => {
      done({ status: null, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e) => done({ status: null, error: e.message || String(e) }));
    req.end(body);
  });
}

export class WebhookDispatcher {
  readonly faults: DeliveryFaults;
  /** Every attempt, oldest first (the last LOG_SIZE). */
  private log: DeliveryAttempt[] = [];
  /** Deliveries still owed, by id. */
  private owed = new Map<string, Delivery>();
  private queues = new Map<string, { active: number; waiting: Delivery[] }>();
  private gathering = new Map<string, { timer: NodeJS.Timeout; deliveries: Delivery[] }>();
  private starting: Delivery[] = [];
  private nextId = 1;
  /** Bumped by reset and close: answers to attempts of an earlier generation are ignored. */
  private generation = 0;
  private worlds: World[] = [];
  private readonly agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  constructor(
    /** Retries and timeout, as given (validated by webhookOptions). */
    readonly options: WebhookOptions,
    /** The version events are rendered at for an endpoint without its own `api_version`. */
    private readonly defaultVersion: string,
    faultSeed?: string | number,
  ) {
    this.faults = new DeliveryFaults(faultSeed);
  }

  /** New Worlds (start and reset): nothing is owed any more, no faults, an empty log. */
  reset(worlds: World[]): void {
    this.stopAll();
    this.log = [];
    this.nextId = 1;
    this.faults.reset();
    this.worlds = worlds;
    for (const world of worlds) endpointsOf(world).onStopped((id) => this.dropFor(world, id));
  }

  /** Stops every timer and connection (the emulator is closing). */
  close(): void {
    this.stopAll();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private stopAll(): void {
    this.generation++;
    for (const d of this.owed.values()) if (d.timer) clearTimeout(d.timer);
    for (const g of this.gathering.values()) clearTimeout(g.timer);
    this.owed.clear();
    this.queues.clear();
    this.gathering.clear();
    this.starting = [];
  }

  /** Heard for every event of every World (Emulator.onEvent): owes it to each endpoint that wants it. */
  onEvent(world: World, rec: EventRecord): void {
    const receivers = endpointsOf(world).receivers(rec.type, rec.account);
    for (const endpoint of receivers) {
      const d: Delivery = {
        id: `whd_${this.nextId++}`,
        world,
        rec,
        endpoint: endpoint.id,
        attempts: 0,
        state: 'held',
        timer: null,
        plan: this.faults.decide(endpoint.id, rec.type),
        used: { drop: false, delay: false, reorder: false, duplicate: false },
      };
      this.owed.set(d.id, d);
      rec.pending_webhooks++;
      // Sent after the API's answer: the request that made the event is still running.
      if (this.starting.push(d) === 1) setImmediate(() => this.startAll());
    }
  }

  private startAll(): void {
    const batch = this.starting;
    this.starting = [];
    for (const d of batch) this.next(d);
  }

  /** The next attempt of `d`: the first attempt's faults first, then its turn in the endpoint's queue. */
  private next(d: Delivery): void {
    if (d.state === 'done') return;
    const plan = d.plan;
    if (plan?.dropFirst && !d.used.drop) {
      d.used.drop = true;
      d.attempts++;
      const hits = plan.hits.filter((h) => h.kind === 'drop_first');
      const endpoint = endpointsOf(d.world).table.get(d.endpoint);
      this.failed(d, { status: null, error: `dropped by delivery fault ${hits[0]?.rule ?? ''}: not sent`, at: Date.now(), duration_ms: 0, faults: hits, url: endpoint?.url ?? '' });
      return;
    }
    if (plan && plan.delayMs > 0 && !d.used.delay) {
      d.used.delay = true;
      d.state = 'held';
      d.timer = setTimeout(() => {
        d.timer = null;
        this.next(d);
      }, plan.delayMs);
      d.timer.unref();
      return;
    }
    if (plan?.reorder && !d.used.reorder) {
      d.used.reorder = true;
      d.state = 'held';
      this.gather(d, plan.reorder.rule, plan.reorder.windowMs);
      return;
    }
    this.enqueue(d);
  }

  /** Holds `d` with the others its reorder rule gathers; when the window closes they go out one by one, newest first. */
  private gather(d: Delivery, rule: string, windowMs: number): void {
    let g = this.gathering.get(rule);
    if (!g) {
      const generation = this.generation;
      const timer = setTimeout(() => {
        const held = this.gathering.get(rule);
        this.gathering.delete(rule);
        if (!held || generation !== this.generation) return;
        void (async () => {
          for (const x of held.deliveries.reverse()) if (x.state !== 'done') await this.send(x);
        })();
      }, windowMs);
      timer.unref();
      this.gathering.set(rule, (g = { timer, deliveries: [] }));
    }
    g.deliveries.push(d);
  }

  private enqueue(d: Delivery): void {
    const key = `${d.world.mode}:${d.endpoint}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = { active: 0, waiting: [] }));
    d.state = 'queued';
    q.waiting.push(d);
    this.pump(key, q);
  }

  private pump(key: string, q: { active: number; waiting: Delivery[] }): void {
    while (q.active < ENDPOINT_CONCURRENCY && q.waiting.length > 0) {
      const d = q.waiting.shift()!;
      if (d.state === 'done') continue;
      q.active++;
      const generation = this.generation;
      void this.send(d).finally(() => {
        if (generation !== this.generation) return;
        q.active--;
        this.pump(key, q);
      });
    }
    if (q.active === 0 && q.waiting.length === 0) this.queues.delete(key);
  }

  /** One attempt (two when the duplicate fault applies): render, sign, POST, and decide what follows. */
  private async send(d: Delivery): Promise<void> {
    const generation = this.generation;
    const endpoint = endpointsOf(d.world).table.get(d.endpoint);
    if (!endpoint || endpoint.status !== 'enabled') {
      this.finish(d, 'stopped');
      return;
    }
    d.state = 'sending';
    d.attempts++;
    const first = !d.used.duplicate;
    const duplicate = d.plan?.duplicate === true && first;
    d.used.duplicate = true;
    const hits = first ? (d.plan?.hits.filter((h) => h.kind !== 'drop_first') ?? []) : [];
    const payload = JSON.stringify(renderEvent(d.rec, endpoint.api_version ?? this.defaultVersion, d.world.mode === 'live'), null, 2);
    const secret = endpointsOf(d.world).facts.get(d.endpoint)?.secret ?? '';
    const at = Date.now();
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': USER_AGENT,
      Accept: '*/*; q=0.5, application/xml',
      'Cache-Control': 'no-cache',
      'Stripe-Signature': signatureHeader(payload, secret, Math.floor(at / 1000)),
    };
    const started = performance.now();
    const result = await post(endpoint.url, payload, headers, this.options.timeoutMs, this.agents);
    const attempt = { ...result, at, duration_ms: round(performance.now() - started), faults: hits, url: endpoint.url };
    let copy: (PostResult & { at: number; duration_ms: number }) | null = null;
    if (duplicate && generation === this.generation) {
      const at2 = Date.now();
      const started2 = performance.now();
      const again = await post(endpoint.url, payload, { ...headers, 'Stripe-Signature': signatureHeader(payload, secret, Math.floor(at2 / 1000)) }, this.options.timeoutMs, this.agents);
      copy = { ...again, at: at2, duration_ms: round(performance.now() - started2) };
    }
    if (generation !== this.generation) return;
    // The first copy decides; the duplicate is an extra the receiver must tolerate.
    // The endpoint may have been disabled or deleted while the attempt was out (TS narrowed `state` before the await).
    if ((d.state as Delivery['state']) === 'done') this.record(d, attempt, 'stopped');
    else if (ok(result.status)) {
      this.record(d, attempt, 'delivered');
      this.finish(d, 'delivered');
    } else this.failed(d, attempt);
    if (copy) this.record(d, { ...copy, faults: d.plan!.hits.filter((h) => h.kind === 'duplicate'), url: endpoint.url }, 'duplicate');
  }

  /** Records a failed attempt and either waits for the next one or gives up. */
  private failed(d: Delivery, attempt: Omit<DeliveryAttempt, 'delivery' | 'event' | 'type' | 'livemode' | 'endpoint' | 'attempt' | 'outcome'>): void {
    if (d.attempts >= this.options.maxAttempts) {
      this.record(d, attempt, 'gave_up');
      this.finish(d, 'gave_up');
      return;
    }
    const delay = retryDelay(d.attempts, this.options);
    this.record(d, attempt, 'will_retry', Date.now() + delay);
    d.state = 'waiting';
    d.timer = setTimeout(() => {
      d.timer = null;
      this.next(d);
    }, delay);
    d.timer.unref();
  }

  private finish(d: Delivery, how: 'delivered' | 'gave_up' | 'stopped'): void {
    if (d.state === 'done') return;
    d.state = 'done';
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    this.owed.delete(d.id);
    d.rec.pending_webhooks--;
    if (how === 'gave_up') d.rec.failed_webhooks++;
  }

  private record(d: Delivery, a: Omit<DeliveryAttempt, 'delivery' | 'event' | 'type' | 'livemode' | 'endpoint' | 'attempt' | 'outcome'>, outcome: DeliveryAttempt['outcome'], nextRetryAt?: number): void {
    this.log.push({
      delivery: d.id,
      event: d.rec.id,
      type: d.rec.type,
      livemode: d.world.mode === 'live',
      endpoint: d.endpoint,
      url: a.url,
      attempt: d.attempts,
      status: a.status,
      error: a.error,
      duration_ms: a.duration_ms,
      at: a.at,
      faults: a.faults,
      outcome,
      ...(nextRetryAt !== undefined ? { next_retry_at: nextRetryAt } : {}),
    });
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  /** An endpoint was disabled or deleted: what is owed to it is dropped (not counted as failed). */
  private dropFor(world: World, endpoint: string): void {
    for (const d of [...this.owed.values()]) if (d.world === world && d.endpoint === endpoint) this.finish(d, 'stopped');
  }

  /** Sends every delivery waiting for its retry now; answers how many. Held ones (delay, reorder faults) keep waiting. */
  retryNow(): number {
    let n = 0;
    for (const d of [...this.owed.values()]) {
      if (d.state !== 'waiting') continue;
      if (d.timer) clearTimeout(d.timer);
      d.timer = null;
      n++;
      this.next(d);
    }
    return n;
  }

  /** Every attempt, newest first, optionally of one event and/or endpoint. */
  attempts(filter: { event?: string | null; endpoint?: string | null } = {}): DeliveryAttempt[] {
    const out: DeliveryAttempt[] = [];
    for (let i = this.log.length - 1; i >= 0; i--) {
      const a = this.log[i];
      if ((filter.event && a.event !== filter.event) || (filter.endpoint && a.endpoint !== filter.endpoint)) continue;
      out.push(a);
    }
    return out;
  }

  /** How many deliveries are still owed. */
  get owedCount(): number {
    return this.owed.size;
  }

  /** The endpoints of every World (for the page under /_emulator/). */
  /** Sets an endpoint's signing secret, in whichever mode it is; false when there is no such endpoint. */
  setSecret(id: string, secret: string): boolean {
    for (const w of this.worlds) {
      const facts = endpointsOf(w).facts.get(id);
      if (facts) {
        facts.secret = secret;
        return true;
      }
    }
    return false;
  }

  endpoints(): { mode: Mode; endpoint: Stripe.WebhookEndpoint; connect: boolean }[] {
    return this.worlds.flatMap((w) => endpointsOf(w).table.newestFirst().map((endpoint) => ({ mode: w.mode, endpoint, connect: endpointsOf(w).facts.get(endpoint.id)?.connect ?? false })));
  }
}

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;
const round = (ms: number) => Math.round(ms * 10) / 10;
