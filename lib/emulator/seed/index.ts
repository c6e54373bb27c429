// Builds the emulator's starting state: `empty` (no connected accounts) or `demo` (a
// deterministic set of accounts in every state an ops reviewer meets).
import type Stripe from 'stripe';
import { World, type Mode } from '../core/world';
import { seedDemo } from './demo';

export type SeedName = 'demo' | 'empty';

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

export function seedWorlds(seed: SeedName, now: number): Record<Mode, World> {
  const worlds = { test: new World('test'), live: new World('live') };
  for (const w of Object.values(worlds)) w.platform = platformAccount(w.mode, now);
  if (seed === 'demo') seedDemo(worlds, now);
  return worlds;
}
