// A request's state in words, including what the console found after a crash left it running.
import { describe, expect, it } from 'vitest';
import { describeRequestState } from './status';

describe('describeRequestState', () => {
  it('says what became of an execution a crash interrupted', () => {
    const stopped = 'The console stopped before it recorded the outcome of this request. Whether Stripe made the change is not known yet; the console keeps checking.';
    expect(describeRequestState({ status: 'unknown', decidedByEmail: 'b@x.test', executionError: stopped })).toBe(`This request was approved by b@x.test, and its outcome is not known yet: ${stopped}`);
    expect(describeRequestState({ status: 'unknown', decidedByEmail: null, executionError: null })).toBe("This request was approved; Stripe's answer was lost and the console is finding out what happened.");
    expect(describeRequestState({ status: 'failed', decidedByEmail: 'b@x.test', executionError: 'Nothing was sent to Stripe.' })).toBe('This request was approved by b@x.test, and it failed: Nothing was sent to Stripe.');
  });
});
