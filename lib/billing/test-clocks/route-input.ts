// The test-mode rule of the test clock route handlers: a live key has no test clocks. Server-only.
import 'server-only';
import { errorResponse } from '@/lib/http/json';
import { stripeMode } from '@/lib/stripe/client';
import { TEST_MODE_ONLY } from './words';

/** A refusal in live mode, where test clocks do not exist; null in test mode. */
export function liveModeRefusal(): Response | null {
  return stripeMode() === 'live' ? errorResponse(400, TEST_MODE_ONLY) : null;
}
