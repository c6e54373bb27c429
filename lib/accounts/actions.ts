'use server';
// The account actions: each goes through defineAction (zod, permission, audit started, the Stripe
// call with the form's idempotency key, audit completed, a typed result). The Stripe calls and
// the re-checks of Stripe's rules live in mutations.ts. Successes carry Stripe's request id so
// the screen can quote it.
import { headers } from 'next/headers';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/safe-action';
import { assessCapability, assessDelete, assessReject } from './approval';
import * as stripeWrites from './mutations';
import {
  accountLinkSchema,
  capabilitySchema,
  deleteAccountActionSchema,
  loginLinkSchema,
  rejectAccountActionSchema,
  unrejectAccountSchema,
  updateAccountSchema,
} from './schemas';

const target = (input: { accountId: string }) => input.accountId;

/** Rejecting, restoring and deleting an account act on one state: while one is open, none other starts. */
const accountStateChange = { with: ['account.reject', 'account.unreject', 'account.delete'] } as const;

/** Where Stripe sends the account holder back after onboarding: this console's account page. */
async function returnUrl(accountId: string): Promise<string> {
  let origin = 'http://localhost:3000';
  try {
    const h = await headers();
    const host = h.get('x-forwarded-host') ?? h.get('host');
    if (host) origin = `${h.get('x-forwarded-proto') ?? 'http'}://${host}`;
  } catch {
    // Outside a request (tests): the default origin.
  }
  return `${origin}/accounts/${encodeURIComponent(accountId)}`;
}

export const updateAccountAction = defineAction({
  name: 'updateAccount',
  permission: 'accounts.update',
  schema: updateAccountSchema,
  audit: { action: 'account.update', targetId: target },
  run: async (input, { idempotencyKey }) => {
    const out = await stripeWrites.updateAccount(input, idempotencyKey);
    return { data: { changed: out.data.changed, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const rejectAccountAction = defineAction({
  name: 'rejectAccount',
  permission: 'accounts.reject',
  schema: rejectAccountActionSchema,
  audit: { action: 'account.reject', targetId: target, params: ({ accountId, reason, note }) => ({ accountId, reason, note }) },
  exclusive: accountStateChange,
  what: 'the rejection',
  approval: { action: 'account_reject', assess: assessReject },
  run: async (input, { idempotencyKey, mode }) => {
    const out = await stripeWrites.rejectAccount(input, idempotencyKey, mode);
    return { data: { disabledReason: out.data.requirements?.disabled_reason ?? null, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const unrejectAccountAction = defineAction({
  name: 'unrejectAccount',
  permission: 'accounts.unreject',
  schema: unrejectAccountSchema,
  audit: { action: 'account.unreject', targetId: target },
  exclusive: accountStateChange,
  what: 'the restoration',
  run: async (input, { idempotencyKey }) => {
    const out = await stripeWrites.unrejectAccount(input, idempotencyKey);
    return { data: { disabledReason: out.data.requirements?.disabled_reason ?? null, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const deleteAccountAction = defineAction({
  name: 'deleteAccount',
  permission: 'accounts.delete',
  schema: deleteAccountActionSchema,
  audit: { action: 'account.delete', targetId: target, params: ({ accountId, note }) => ({ accountId, note }) },
  exclusive: accountStateChange,
  what: 'the deletion',
  approval: { action: 'account_delete', assess: assessDelete },
  run: async (input, { idempotencyKey, mode }) => {
    const out = await stripeWrites.deleteAccount(input, idempotencyKey, mode);
    return { data: { ...out.data, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const updateCapabilityAction = defineAction({
  name: 'updateCapability',
  permission: 'capabilities.manage',
  schema: capabilitySchema,
  audit: { action: 'capability.update', targetId: target },
  approval: { action: 'capability_change', assess: assessCapability },
  run: async (input, { idempotencyKey }) => {
    const out = await stripeWrites.updateCapability(input, idempotencyKey);
    return { data: { status: out.data.status, requested: out.data.requested, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const createAccountLinkAction = defineAction({
  name: 'createAccountLink',
  permission: 'links.create',
  schema: accountLinkSchema,
  audit: { action: 'account_link.create', targetId: target },
  run: async (input, { idempotencyKey }) => {
    const out = await stripeWrites.createAccountLink(input, idempotencyKey, await returnUrl(input.accountId));
    return { data: { ...out.data, requestId: out.requestId }, requestId: out.requestId };
  },
});

export const createLoginLinkAction = defineAction({
  name: 'createLoginLink',
  permission: 'links.create',
  schema: loginLinkSchema.extend({ kind: z.literal('express_login').default('express_login') }),
  // The catalog's link action, with `kind` saying which link.
  audit: { action: 'account_link.create', targetId: target },
  run: async (input, { idempotencyKey }) => {
    const out = await stripeWrites.createLoginLink(input, idempotencyKey);
    return { data: { ...out.data, requestId: out.requestId }, requestId: out.requestId };
  },
});
