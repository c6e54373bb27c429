// A local webhook receiver for the emulator's tests and bench/webhooks.ts: a Node http server on
// 127.0.0.1 that keeps every POST it gets and checks its Stripe-Signature with the official SDK's
// `constructEvent`, against the secret registered for the path it came to. What it answers is up
// to the caller (200 by default; a promise holds the answer back).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The verified event, or null when the signature was refused (see `error`). */
  event: Stripe.Event | null;
  error: string | null;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export type Answer = (r: Received, nth: number) => number | Promise<number>;

export interface Receiver {
  url: string;
  port: number;
  server: Server;
  received: Received[];
  /** The signing secret of each path (`/connect` -> `whsec_…`): set it from the endpoint's create answer. */
  secrets: Map<string, string>;
  /** What to answer each POST (nth counts from 1 over every path); 200 unless set. */
  answer: Answer;
  /** The POSTs to `path` (all paths when omitted) whose signature verified. */
  events(path?: string): Stripe.Event[];
  /** Resolves once `predicate` holds over what was received, polling; rejects after `ms`. */
  waitFor(predicate: (received: Received[]) => boolean, ms?: number): Promise<void>;
  /** Forgets what was received, the secrets and the answer (and starts counting from 1 again). */
  reset(): void;
  close(): Promise<void>;
}

const verifier = new Stripe('sk_test_receiver');

/** Checks a delivery the way a receiver must: the SDK's constructEvent over the raw body. */
export function verify(body: string, header: string | undefined, secret: string | undefined): { event: Stripe.Event | null; error: string | null } {
  if (!secret) return { event: null, error: 'no secret registered for this path' };
  try {
    return { event: verifier.webhooks.constructEvent(body, header ?? '', secret), error: null };
  } catch (e) {
    return { event: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function startReceiver(opts: { port?: number } = {}): Promise<Receiver> {
  let nth = 0;
  const receiver = {
    received: [] as Received[],
    secrets: new Map<string, string>(),
    answer: (() => 200) as Answer,
  } as Receiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const header = req.headers['stripe-signature'];
      const r: Received = { path, headers: req.headers, body, at: Date.now(), ...verify(body, Array.isArray(header) ? header[0] : header, receiver.secrets.get(path)) };
      receiver.received.push(r);
      void Promise.resolve(receiver.answer(r, ++nth)).then(
        (status) => {
          res.statusCode = status;
          res.end();
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    events: (path?: string) => receiver.received.filter((r) => r.event && (path === undefined || r.path === path)).map((r) => r.event!),
    waitFor: async (predicate: (received: Received[]) => boolean, ms = 10_000) => {
      const until = Date.now() + ms;
      while (!predicate(receiver.received)) {
        if (Date.now() > until) throw new Error(`the receiver did not get what was expected within ${ms} ms (${receiver.received.length} received: ${receiver.received.map((r) => r.event?.type ?? r.error).join(', ')})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset: () => {
      receiver.received.length = 0;
      receiver.secrets.clear();
      receiver.answer = () => 200;
      nth = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
