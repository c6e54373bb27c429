// The emulator's HTTP server: Stripe's wire protocol (keys, versions, form bodies, JSON answers,
// Request-Id, idempotency) around the resource handlers, plus the loopback control API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StripeApiError, invalidRequest, unrecognizedUrl } from './core/errors';
import { FormSyntaxError, parseForm, type FormObject } from './core/form';
import { makeId, requestId as newRequestId } from './core/ids';
import { Router, type Ctx } from './core/router';
import { atLeast, DEFAULT_API_VERSION, isValidVersion } from './core/versions';
import { World, type Mode } from './core/world';
import { recorderOf } from './events/recorder';
import type { EventRecord } from './events/store';
import { checkControlRequest } from './control-guard';
import { FaultInjector, type FaultHit, type FaultPlan, type FaultRequest } from './faults';
import { registerResources } from './resources';
import { checkExpandable } from './resources/shared';
import { seedWorlds, type SeedName } from './seed';
import { webhookOptions, type WebhookOptions } from './webhooks/backoff';
import { webhookControl } from './webhooks/control';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface EmulatorOptions {
  seed?: SeedName;
  /** How many test-mode accounts the `scale` seed makes (100,000 unless told; tests start small ones). */
  scaleAccounts?: number;
  /** The version for requests without a Stripe-Version header. */
  apiVersion?: string;
  /** A fixed clock (seconds) for tests; defaults to the wall clock. */
  now?: () => number;
  /** Fault rules installed at start and again on reset (see faults.ts). */
  faults?: FaultRequest[];
  /** Seed for fault rates and jitter (webhook delivery faults too), so runs repeat; without one, Math.random. */
  faultSeed?: string | number;
  /** Webhook retries and timeout (webhooks/backoff.ts); the defaults otherwise. */
  webhooks?: Partial<WebhookOptions>;
}

export interface RequestLogEntry {
  id: string;
  method: string;
  path: string;
  idempotency_key: string | null;
  stripe_account: string | null;
  status: number;
  latency_ms: number;
  at: number;
  /** The answer was a replay of an earlier request with the same Idempotency-Key. */
  idempotent_replayed: boolean;
  /** Faults injected into this request (a dropped answer is logged with status 0). */
  faults: FaultHit[];
}

const MAX_BODY = 1024 * 1024;
const LOG_SIZE = 2000;

export class Emulator {
  readonly router = new Router();
  worlds!: Record<Mode, World>;
  readonly requestLog: RequestLogEntry[] = [];
  readonly seed: SeedName;
  readonly scaleAccounts: number | undefined;
  readonly defaultVersion: string;
  readonly now: () => number;
  readonly faults: FaultInjector;
  /** Webhook deliveries (webhooks/dispatcher.ts): every event to the endpoints that want it. */
  readonly webhooks: WebhookDispatcher;
  private readonly eventListeners = new Set<(world: World, e: EventRecord) => void>();

  constructor(opts: EmulatorOptions = {}) {
    this.seed = opts.seed ?? 'demo';
    this.scaleAccounts = opts.scaleAccounts;
    this.defaultVersion = opts.apiVersion ?? DEFAULT_API_VERSION;
    if (!isValidVersion(this.defaultVersion)) throw new Error(`Invalid EMULATOR_API_VERSION: ${this.defaultVersion}`);
    this.now = opts.now ?? (() => Math.floor(Date.now() / 1000));
    registerResources(this.router);
    this.faults = new FaultInjector({ seed: opts.faultSeed, initial: opts.faults });
    this.webhooks = new WebhookDispatcher(webhookOptions(opts.webhooks), this.defaultVersion, opts.faultSeed);
    this.onEvent((world, e) => this.webhooks.onEvent(world, e));
    this.reset();
  }

  /**
   * Which data this is: a new id at start and at every reset, so a client can tell that the
   * objects it copied belong to data that is gone (`GET /_emulator/health`).
   */
  instance = '';

  /** Back to the seed: all state and the request log are dropped, and with the Worlds their webhook endpoints, deliveries and delivery faults. */
  reset(): void {
    this.instance = makeId('emu');
    this.worlds = seedWorlds(this.seed, this.now(), { scaleAccounts: this.scaleAccounts });
    this.webhooks.reset(Object.values(this.worlds));
    for (const world of Object.values(this.worlds)) {
      world.events.subscribe((e) => this.eventListeners.forEach((l) => l(world, e)));
      recorderOf(world).tick(this.now());
    }
    this.requestLog.length = 0;
    this.faults.reset();
  }

  /** What time alone changes (top-ups arriving, deadlines passing) becomes events: run before each request and on a timer. */
  tick(): void {
    for (const world of Object.values(this.worlds)) recorderOf(world).tick(this.now());
  }

  /** Hears every event of every World as it is made, across resets (webhook deliveries listen here). */
  onEvent(listener: (world: World, e: EventRecord) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const rid = newRequestId();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const idem = header(req, 'idempotency-key');
    const stripeAccount = header(req, 'stripe-account');
    let status = 200;
    let body = '';
    let contentType = 'application/json';
    const extra: Record<string, string> = {};
    let fault: FaultPlan | null = null;
    try {
      if (url.pathname === '/_emulator') {
        // The dashboard page lives at /_emulator/; the bare path is a person typing it, not the API.
        status = 308;
        extra.Location = `/_emulator/${url.search}`;
      } else if (url.pathname.startsWith('/_emulator/')) {
        ({ status, body, contentType = contentType } = await this.control(req, method, url));
      } else {
        // Faults (never for the control API): latency is waited out here; an injected error answers instead.
        fault = this.faults.active ? await this.faults.before(method, url.pathname) : null;
        if (fault?.refuse) {
          // The backend unreachable: the connection closes with no answer and nothing is run.
          res.socket?.destroy();
          this.logRequest({ rid, method, url, idem, stripeAccount, status: 0, started, replayed: false, faults: fault.hits });
          return;
        }
        if (fault?.error) {
          await readBody(req);
          throw fault.error;
        }
        ({ status, body } = await this.api(req, method, url, rid, idem, stripeAccount, extra));
      }
    } catch (e) {
      const err = e instanceof StripeApiError ? e : internalError(e);
      status = err.status;
      body = JSON.stringify(err.toJSON(rid), null, 2);
    }
    if (fault?.drop) {
      // The lost response: the request was applied; its answer never leaves.
      fault.drop.withheld_status = status;
      status = 0;
      res.socket?.destroy();
    } else {
      res.writeHead(status, {
        'Content-Type': contentType,
        'Request-Id': rid,
        'Stripe-Version': header(req, 'stripe-version') ?? this.defaultVersion,
        'Access-Control-Allow-Origin': '*',
        ...extra,
      });
      res.end(body);
    }
    if (url.pathname !== '/_emulator' && !url.pathname.startsWith('/_emulator/')) {
      this.logRequest({ rid, method, url, idem, stripeAccount, status, started, replayed: extra['Idempotent-Replayed'] === 'true', faults: fault?.hits ?? [] });
    }
  }

  private logRequest(r: { rid: string; method: string; url: URL; idem: string | null; stripeAccount: string | null; status: number; started: number; replayed: boolean; faults: FaultHit[] }): void {
    this.requestLog.push({
      id: r.rid,
      method: r.method,
      path: r.url.pathname,
      idempotency_key: r.idem,
      stripe_account: r.stripeAccount,
      status: r.status,
      latency_ms: Math.round((performance.now() - r.started) * 10) / 10,
      at: Date.now(),
      idempotent_replayed: r.replayed,
      faults: r.faults,
    });
    if (this.requestLog.length > LOG_SIZE) this.requestLog.splice(0, this.requestLog.length - LOG_SIZE);
  }

  private async api(
    req: IncomingMessage,
    method: string,
    url: URL,
    rid: string,
    idem: string | null,
    stripeAccount: string | null,
    extra: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    const mode = authenticate(req);
    const version = header(req, 'stripe-version') ?? this.defaultVersion;
    if (!isValidVersion(version)) throw invalidRequest(`Invalid Stripe API version: ${version}`, { code: 'api_version_invalid' });
    const raw = await readBody(req);
    let params: FormObject;
    try {
      const query = parseForm(url.search.slice(1));
      params = method === 'GET' ? query : { ...query, ...parseForm(raw) };
    } catch (e) {
      if (e instanceof FormSyntaxError) throw invalidRequest(e.message, { param: e.param });
      throw e;
    }
    const matched = this.router.match(method, url.pathname);
    if (!matched || (matched.route.since && !atLeast(version, matched.route.since))) throw unrecognizedUrl(method, url.pathname);
    const world = this.worlds[mode];
    if (stripeAccount !== null) {
      if (!matched.route.connect) {
        throw invalidRequest(`The Stripe-Account header cannot be used with ${method} ${url.pathname}: it acts on the platform's own objects.`, { param: 'Stripe-Account' });
      }
      if (!world.accounts.has(stripeAccount)) {
        throw new StripeApiError(403, {
          type: 'invalid_request_error',
          code: 'account_invalid',
          message: `The provided key does not have access to account '${stripeAccount}' (or that account does not exist). Application access may have been revoked.`,
        });
      }
    }
    const ctx: Ctx = { method, path: url.pathname, mode, world, apiVersion: version, stripeAccount, requestId: rid, params, baseUrl: `http://${header(req, 'host') ?? '127.0.0.1'}`, now: this.now };
    if (method === 'POST' && matched.route.object) checkExpandable(matched.route.object, params.expand);
    const recorder = recorderOf(world);
    recorder.tick(this.now());
    // One batch of changes per request: what it changes becomes its events (events/recorder.ts).
    // The account a request names is seen first: some changes to it are made in place.
    const request = method === 'GET' ? null : { id: rid, idempotency_key: idem };
    const named = [matched.params.account, stripeAccount, typeof params.account === 'string' ? params.account : undefined];
    const run = async () =>
      JSON.stringify(
        recorder.run({ request, now: this.now() }, () => {
          if (request) for (const id of named) if (id) recorder.touch('account', id);
          return matched.route.handler(ctx, matched.params);
        }),
        null,
        2,
      );
    if (method !== 'POST' || idem === null) return { status: 200, body: await run() };
    return this.idempotent(world, idem, method, url.pathname, stripeAccount, params, version, run, extra);
  }

  /** Stripe's idempotency: same key and parameters replay the first answer; other parameters are refused. */
  private async idempotent(
    world: World,
    key: string,
    method: string,
    path: string,
    stripeAccount: string | null,
    params: FormObject,
    version: string,
    run: () => Promise<string>,
    extra: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    if (key.length > 255) throw invalidRequest('Invalid idempotency key: must be at most 255 characters.', { param: 'Idempotency-Key' });
    const scope = `${stripeAccount ?? 'platform'}:${key}`;
    const fingerprint = JSON.stringify([method, path, version, params]);
    const prior = world.idempotency.get(scope);
    if (prior) {
      if (prior.inFlight) {
        throw new StripeApiError(409, {
          type: 'idempotency_error',
          message: 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please try again later.',
        });
      }
      if (prior.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      extra['Idempotent-Replayed'] = 'true';
      return { status: prior.status, body: prior.body };
    }
    const entry = { method, path, fingerprint, status: 0, body: '', inFlight: true };
    world.idempotency.set(scope, entry);
    try {
      const body = await run();
      Object.assign(entry, { status: 200, body, inFlight: false });
      return { status: 200, body };
    } catch (e) {
      if (e instanceof StripeApiError && !e.beforeExecution && e.status < 500) {
        const body = JSON.stringify(e.toJSON('replayed'), null, 2);
        Object.assign(entry, { status: e.status, body, inFlight: false });
      } else {
        world.idempotency.delete(scope);
      }
      throw e;
    }
  }

  private async control(req: IncomingMessage, method: string, url: URL): Promise<{ status: number; body: string; contentType?: string }> {
    if (!isLoopback(req.socket.remoteAddress)) throw invalidRequest('The control API answers loopback callers only.', {}, 403);
    checkControlRequest(req, method);
    const json = (v: unknown) => ({ status: 200, body: JSON.stringify(v, null, 2) });
    const route = `${method} ${url.pathname}`;
    if (route === 'GET /_emulator/health') return json({ ok: true, seed: this.seed, api_version: this.defaultVersion, instance: this.instance });
    if (route === 'POST /_emulator/reset') {
      await readBody(req);
      this.reset();
      return json({ ok: true, accounts: this.worlds.test.accounts.size });
    }
    if (route === 'GET /_emulator/requests') return json({ object: 'list', data: [...this.requestLog].reverse() });
    if (route === 'DELETE /_emulator/requests') {
      this.requestLog.length = 0;
      return json({ ok: true });
    }
    if (url.pathname === '/_emulator/faults' || url.pathname.startsWith('/_emulator/faults/')) {
      const answer = this.faults.control(method, url.pathname, method === 'POST' ? await readBody(req) : '');
      if (answer) return answer;
    }
    if (url.pathname === '/_emulator/' || url.pathname.startsWith('/_emulator/webhooks/')) {
      const answer = webhookControl(this.webhooks, method, url, method === 'POST' ? await readBody(req) : '');
      if (answer) return answer;
    }
    const link = /^\/_emulator\/(express|onboarding)\/(acct_[A-Za-z0-9]+)\/[A-Za-z0-9_-]+$/.exec(url.pathname);
    if (method === 'GET' && link) return { status: 200, body: linkPage(link[1], link[2]), contentType: 'text/html; charset=utf-8' };
    throw unrecognizedUrl(method, url.pathname);
  }
}

/** What a login or account link opens: there is no Stripe to go to, so say so plainly. */
function linkPage(kind: string, account: string): string {
  const title = kind === 'express' ? 'Express Dashboard' : 'Connect Onboarding';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title} (emulator)</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;color:#1f2937">
<h1>${title} — emulator</h1><p>This link was made by the local Stripe emulator for <code>${account}</code>.
Against Stripe it opens the ${title} for that account; here there is nothing behind it.</p></body></html>`;
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? v[0] : v;
}

const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/;

/** The mode a request acts in, from its key (Bearer or Basic), or Stripe's 401. */
export function authenticate(req: IncomingMessage): Mode {
  const auth = header(req, 'authorization');
  if (!auth) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  }
  let key = '';
  // The whole credential after the scheme: `Bearer sk_test_a b` is not the key `sk_test_a`.
  const [, scheme = '', value = ''] = /^(\S+)\s+(.*)$/.exec(auth.trim()) ?? [];
  if (/^bearer$/i.test(scheme)) key = value;
  else if (/^basic$/i.test(scheme)) key = Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  const m = KEY.exec(key);
  if (!m) {
    const shown = key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
    throw new StripeApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${shown}` });
  }
  return m[2] as Mode;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(invalidRequest('Request body too large.', {}, 413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1' || (addr?.startsWith('127.') ?? false);
}

function internalError(e: unknown): StripeApiError {
  console.error('[emulator] internal error', e);
  return new StripeApiError(500, { type: 'api_error', message: 'An unexpected error occurred in the emulator.' });
}

export interface RunningEmulator {
  emulator: Emulator;
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1 (port 0 picks a free one: what tests use). */
export async function startEmulator(opts: EmulatorOptions & { port?: number; host?: string; tickMs?: number } = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(opts);
  // The clock's own changes become events (and deliveries) even when no request comes.
  const ticker = setInterval(() => emulator.tick(), opts.tickMs ?? 1000);
  ticker.unref();
  const server = createServer((req, res) => void emulator.handle(req, res));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    emulator,
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        emulator.webhooks.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
