'use client';
// The test clock panel: the connected account, its clocks, and the clock being watched.
import { AccountPicker } from './account-picker';
import { ClockList } from './clock-list';
import { ClockWatch } from './clock-watch';

export function TestClockPanel({ account, clock, typedAccount }: { account: string | null; clock: string | null; typedAccount: string }) {
  return (
    <div className="space-y-6">
      <AccountPicker account={account} initial={typedAccount} />
      {account ? <ClockList account={account} selected={clock} /> : <p className="text-sm text-neutral-600">Pick a connected account to see its test clocks.</p>}
      {account && clock ? <ClockWatch account={account} clockId={clock} /> : null}
    </div>
  );
}
