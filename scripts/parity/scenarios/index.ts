// Every parity scenario, in the order they run. Disputes, charge refunds and payouts come as their
// emulator routes do: a file beside these exporting its scenarios, added to this list.
import { CONNECT_SCENARIOS } from './accounts';
import { MONEY_SCENARIOS } from './money';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [...CONNECT_SCENARIOS, ...MONEY_SCENARIOS];
