// Routes of the emulator's API: a method, a path pattern (`/v1/accounts/:account`), the handler,
// whether the Stripe-Account header is accepted, and the first API version that has the route.
import type { ZodType } from 'zod';
import type { FormObject } from './form';
import type { Mode, World } from './world';

export interface Ctx {
  method: string;
  path: string;
  mode: Mode;
  world: World;
  apiVersion: string;
  /** The connected account named by the Stripe-Account header, if any. */
  stripeAccount: string | null;
  requestId: string;
  /** Parameters: the query string for GET, the body (and query) otherwise. */
  params: FormObject;
  /** Where this emulator is reached (for the URLs of login and account links). */
  baseUrl: string;
  now(): number;
}

export type Handler = (ctx: Ctx, path: Record<string, string>) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: string;
  handler: Handler;
  /** Accepts the Stripe-Account header (acts on the connected account's behalf). */
  connect?: boolean;
  /** The object a POST answers: its `expand[]` is checked before the handler changes anything. */
  object?: string;
  /** The first API version with this route; older versions get 404 as Stripe gives. */
  since?: string;
  /**
   * The zod schema the handler parses its parameters with (the very object it passes to
   * parseParams), or the function of the request's API version that makes it. Every route declares
   * one: tests/schema-drift.test.ts compares it with the parameters the `stripe` package declares.
   */
  params?: RouteParams;
}

/** A route's declared parameter schema: fixed, or by the request's API version. */
export type RouteParams = ZodType | ((apiVersion: string) => ZodType);

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

export class Router {
  private routes: Compiled[] = [];

  /** Every route, in the order they were added (for tests that walk the route table). */
  list(): readonly Route[] {
    return this.routes;
  }

  add(...routes: Route[]): this {
    for (const r of routes) {
      const names: string[] = [];
      const source = r.pattern.replace(/:([a-z_]+)/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      });
      this.routes.push({ ...r, regex: new RegExp(`^${source}$`), names });
    }
    return this;
  }

  match(method: string, path: string): { route: Compiled; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return null;
  }
}
