// Every parity scenario, in the order they run. A new area comes as a file beside these exporting
// its scenarios, added to this list.
import { CONNECT_SCENARIOS } from './accounts';
import { DISPUTE_SCENARIOS } from './disputes';
import { MONEY_SCENARIOS } from './money';
import { PAYOUT_SCENARIOS } from './payouts';
import { REFUND_SCENARIOS } from './refunds';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [...CONNECT_SCENARIOS, ...MONEY_SCENARIOS, ...REFUND_SCENARIOS, ...DISPUTE_SCENARIOS, ...PAYOUT_SCENARIOS];
