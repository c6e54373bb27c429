// A property test over events: for random sequences of changes made through the SDK (accounts,
// capabilities, persons, bank accounts, rejections, deletions, charges of every kind, transfers,
// reversals, fee refunds, charge refunds, disputes and their answers, top-ups, fraud warnings,
// reviews, and the passing of days), replaying
// every event in order onto an empty copy (tests/replica.ts) reproduces every object the API
// returns, field for field.
import fc from 'fast-check';
import { it } from 'vitest';
import { renderEvent } from '@/lib/emulator/events/store';
import { changeArb, newMade, runChange, startingPoint } from './changes';
import { expectReplicaEqualsApi, Replica } from './replica';
import { FIXED_NOW, emulatorForFile } from './harness';

const ENDIVE = '2026-10-28.endive';
const h = emulatorForFile({ resetEach: false });

it('replaying the events in order onto an empty copy reproduces every object the API returns', { timeout: 240_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(changeArb, { minLength: 15, maxLength: 50 }), async (commands) => {
      h.clock = FIXED_NOW;
      await h.reset();
      const m = newMade();
      await startingPoint(h, m);
      for (const c of commands) {
        h.clock += 1; // one second per change: a change's events share their second with no other change
        await runChange(h, h.stripe, c, m);
      }
      const world = h.emulator.worlds.test;
      const replica = new Replica();
      for (const e of world.events.newestFirst().reverse()) replica.apply(renderEvent(e, ENDIVE, false));
      await expectReplicaEqualsApi(replica, h.stripe);
    }),
    { numRuns: 40, seed: 20261127 },
  );
});
