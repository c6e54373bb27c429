// Builds the emulator's starting state: `empty` (no connected accounts), `demo` (a deterministic
// set of accounts in every state an ops reviewer meets) or `scale` (the same spread at the size of
// a real platform: 100,000 accounts unless told otherwise).
import type Stripe from 'stripe';
import { World, type Mode } from '../core/world';
import { seedDemo } from './demo';
import { DEFAULT_SCALE_ACCOUNTS, MAX_SCALE_ACCOUNTS, MIN_SCALE_ACCOUNTS, seedScale } from './scale';

export const SEED_NAMES = ['demo', 'empty', 'scale'] as const;
export type SeedName = (typeof SEED_NAMES)[number];
export { DEFAULT_SCALE_ACCOUNTS, MAX_SCALE_ACCOUNTS, MIN_SCALE_ACCOUNTS };

function platformAccount(mode: Mode, now: number): Stripe.Account {
  return {
    id: mode === 'test' ? 'acct_1EmulatorPlatfrm' : 'acct_1EmulatorPlatLiv',
    object: 'account',
    business_profile: { name: 'Connect Console Platform', url: 'https://platform.example.com', mcc: '5734', product_description: 'A marketplace platform', support_email: 'support@platform.example.com', support_phone: null, support_url: null, support_address: null } as Stripe.Account.BusinessProfile,
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    country: 'US',
    created: now - 3 * 365 * 86400,
    default_currency: 'usd',
    details_submitted: true,
    email: 'platform@platform.example.com',
    metadata: {},
    payouts_enabled: true,
    settings: null,
    type: 'standard',
  };
}

/** `scaleAccounts`: how many test-mode accounts the `scale` seed makes. */
export function seedWorlds(seed: SeedName, now: number, opts: { scaleAccounts?: number } = {}): Record<Mode, World> {
  const worlds = { test: new World('test'), live: new World('live') };
  for (const w of Object.values(worlds)) w.platform = platformAccount(w.mode, now);
  if (seed === 'demo') seedDemo(worlds, now);
  if (seed === 'scale') seedScale(worlds, now, opts.scaleAccounts ?? DEFAULT_SCALE_ACCOUNTS);
  return worlds;
}
