// The money part of the emulator, for the route table and for in-process callers (the demo
// seeder): the routes, and functions that move money under the same rules as the API, given a
// Ctx made by `moneyCtx` with the moment (`now`) the movement happens, so history can be backdated.
import { DEFAULT_API_VERSION } from '../core/versions';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { applicationFeeRoutes } from '../resources/application-fees';
import { balanceRoutes } from '../resources/balance';
import { chargeRoutes } from '../resources/charges';
import { disputeRoutes } from '../resources/disputes';
import { refundRoutes } from '../resources/refunds';
import { transferRoutes } from '../resources/transfers';

export { captureCharge, createCharge, type NewCharge } from './charges';
export { createReversal, createTransfer, type NewReversal, type NewTransfer } from './transfers';
export { refundApplicationFee, type NewFeeRefund } from './fee-refunds';
export { createRefund, type NewRefund } from './refunds';
export { closeDispute, raiseDispute, settleDispute, updateDispute, type DisputeKind, type DisputeUpdate } from './disputes';
export { seedMoneyIds } from './store';
export { balanceOf, transactionsOf } from '../core/ledger';

export const moneyRoutes: Route[] = [...balanceRoutes, ...chargeRoutes, ...transferRoutes, ...applicationFeeRoutes, ...refundRoutes, ...disputeRoutes];

/**
 * A request context for calling the money functions in-process: on the platform, or on a
 * connected account with `stripeAccount` (direct charges). `now` is the moment of the movement.
 */
export function moneyCtx(world: World, now: number, opts: { stripeAccount?: string | null; apiVersion?: string } = {}): Ctx {
  return {
    method: 'POST',
    path: '/_seed',
    mode: world.mode,
    world,
    apiVersion: opts.apiVersion ?? DEFAULT_API_VERSION,
    stripeAccount: opts.stripeAccount ?? null,
    requestId: 'req_seed',
    params: {},
    baseUrl: 'http://127.0.0.1',
    now: () => now,
  };
}
