// The emulator's route table as the schema-drift test walks it, with each route's schema at the
// API version the console pins (the `stripe` package's own).
import Stripe from 'stripe';
import type { ZodType } from 'zod';
import { Router, type Route } from '../../core/router';
import { registerResources } from '../../resources';

export const PINNED_VERSION: string = Stripe.API_VERSION;

export const routeKey = (r: Pick<Route, 'method' | 'pattern'>) => `${r.method} ${r.pattern}`;

export function emulatorRoutes(): readonly Route[] {
  const router = new Router();
  registerResources(router);
  return router.list();
}

/** The route's declared schema at the pinned version, or null when it declares none. */
export function declaredSchema(route: Route, version = PINNED_VERSION): ZodType | null {
  if (route.params === undefined) return null;
  return typeof route.params === 'function' ? route.params(version) : route.params;
}
