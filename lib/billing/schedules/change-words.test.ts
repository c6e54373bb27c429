import { describe, expect, it } from 'vitest';
import { scheduleChangeDone } from './change-words';

describe('what the schedule dialogs say when a change is done', () => {
  it('its own change, answered or found after a lost answer', () => {
    expect(scheduleChangeDone('release', null)).toBe('The schedule is released.');
    expect(scheduleChangeDone('cancel', null)).toBe('The schedule is cancelled.');
    expect(scheduleChangeDone('release', { action: 'subscription_schedule.release', auditId: 7 })).toBe('The schedule is released.');
  });

  it('an earlier request of the other kind that blocked this one: named for what it did', () => {
    expect(scheduleChangeDone('cancel', { action: 'subscription_schedule.release', auditId: 7 })).toBe(
      'An earlier request (audit entry #7) released the schedule, so this cancellation was not sent. The schedule is released.',
    );
    expect(scheduleChangeDone('release', { action: 'subscription_schedule.cancel', auditId: 9 })).toBe(
      'An earlier request (audit entry #9) cancelled the schedule, so this release was not sent. The schedule is cancelled.',
    );
  });
});
