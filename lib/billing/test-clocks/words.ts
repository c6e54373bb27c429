// The test clock panel's fixed sentences, shared by the page, the actions and the route handlers. Pure.

export const TEST_MODE_ONLY =
  'Test clocks exist only in test mode: this console is connected to Stripe in live mode, so there is nothing to rehearse here. Use a test-mode key (or the emulator) to rehearse a subscription schedule.';

/** Stripe lets at most three customers join one clock. */
export const CUSTOMERS_PER_CLOCK = 3;
