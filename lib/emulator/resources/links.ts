// Login links (Express dashboard) and account links (hosted onboarding and update). Their URLs
// point back at the emulator, which shows a placeholder page, since no Stripe is reachable.
import type Stripe from 'stripe';
import { randomBytes } from 'node:crypto';
import { invalidRequest } from '../core/errors';
import { expand, EXPAND_ONLY, hash, oneOf, parseParams, str } from '../core/params';
import type { Route } from '../core/router';
import { expandObject, requireAccount } from './shared';

const token = () => randomBytes(12).toString('base64url');

const accountLinkParams = hash({
  account: str(),
  type: oneOf(['account_onboarding', 'account_update']),
  refresh_url: str({ max: 5000 }).optional(),
  return_url: str({ max: 5000 }).optional(),
  collect: oneOf(['currently_due', 'eventually_due']).optional(),
  collection_options: hash({
    fields: oneOf(['currently_due', 'eventually_due']).optional(),
    future_requirements: oneOf(['include', 'omit']).optional(),
  }).optional(),
  expand: expand(),
});

export const linkRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/accounts/:account/login_links',
    params: EXPAND_ONLY,
    object: 'login_link',
    handler: (ctx, { account: id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      const { account } = requireAccount(ctx, id);
      if (account.controller?.stripe_dashboard?.type !== 'express') {
        throw invalidRequest(`Login links can only be created for accounts that use the Express Dashboard; '${id}' does not.`, { param: 'account' });
      }
      const link: Stripe.LoginLink = { object: 'login_link', created: ctx.now(), url: `${ctx.baseUrl}/_emulator/express/${id}/${token()}` };
      ctx.world.loginLinks.push({ account: id, url: link.url, created: link.created });
      return expandObject(ctx, link, p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/account_links',
    params: accountLinkParams,
    object: 'account_link',
    handler: (ctx) => {
      const p = parseParams(accountLinkParams, ctx.params);
      const { account } = requireAccount(ctx, p.account, 'account');
      if (p.collect && p.collection_options) throw invalidRequest('You may only specify one of these parameters: collect, collection_options.', { param: 'collection_options' });
      if (p.type === 'account_update' && account.controller?.requirement_collection !== 'application') {
        throw invalidRequest('account_update links can only be created for accounts where your platform collects requirements (Custom accounts).', { param: 'type' });
      }
      if (p.type === 'account_onboarding' && !p.refresh_url) throw invalidRequest('Missing required param: refresh_url.', { param: 'refresh_url', code: 'parameter_missing' });
      if (p.type === 'account_onboarding') ctx.world.onboardingStarted.add(account.id);
      const created = ctx.now();
      const link: Stripe.AccountLink = { object: 'account_link', created, expires_at: created + 300, url: `${ctx.baseUrl}/_emulator/onboarding/${p.account}/${token()}` };
      return expandObject(ctx, link, p.expand);
    },
  },
];
