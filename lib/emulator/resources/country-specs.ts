// Country Specs: list and retrieve what each supported country requires and allows. Read-only,
// the same for every platform, and not available on a connected account's behalf (no Stripe-Account).
import { invalidRequest } from '../core/errors';
import { expand, hash, listParams, parseParams } from '../core/params';
import type { Route } from '../core/router';
import { COUNTRY_SPECS, countrySpec } from '../data/country-specs';
import { expandObject, listResponse } from './shared';

const listSchema = hash({ ...listParams });
const retrieveSchema = hash({ expand: expand() });

/** Stripe lists country specs in a fixed order: by country code. */
const ALL_SPECS = Object.values(COUNTRY_SPECS).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Stripe's 404 for a country it does not support. */
const unknownCountry = (country: string) =>
  invalidRequest(`Country '${country}' is unknown, or not supported.`, { code: 'resource_missing', param: 'country' }, 404);

export const countrySpecRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/country_specs',
    params: listSchema,
    handler: (ctx) => {
      const p = parseParams(listSchema, ctx.params);
      return listResponse(ctx, ALL_SPECS, p, '/v1/country_specs');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/country_specs/:country',
    params: retrieveSchema,
    handler: (ctx, path) => {
      const p = parseParams(retrieveSchema, ctx.params);
      const spec = countrySpec(path.country);
      if (!spec) throw unknownCountry(path.country);
      return expandObject(ctx, spec, p.expand);
    },
  },
];
