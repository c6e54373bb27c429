import { describe, expect, it } from 'vitest';
import { scheduleColumns } from './schedule-row';

const phases = [
  { start_date: 100, end_date: 200, application_fee_percent: 5 },
  { start_date: 200, end_date: 300, application_fee_percent: 8 },
  { start_date: 300, end_date: 400, application_fee_percent: null },
];
const base = { id: 'sub_sched_1', object: 'subscription_schedule', customer: 'cus_1', phases, current_phase: null, canceled_at: null, completed_at: null, released_at: null };

describe('scheduleColumns', () => {
  it('an active schedule: its current phase, the next one and the current fee', () => {
    expect(scheduleColumns({ ...base, status: 'active', current_phase: { start_date: 200, end_date: 300 } })).toEqual({
      customer: 'cus_1',
      phaseIndex: 2,
      phaseCount: 3,
      nextPhaseAt: 300,
      feePercent: 8,
      endedAt: null,
    });
  });
  it('the last phase running: no next phase; a phase without a fee has none', () => {
    expect(scheduleColumns({ ...base, status: 'active', current_phase: { start_date: 300, end_date: 400 } })).toMatchObject({ phaseIndex: 3, nextPhaseAt: null, feePercent: null });
  });
  it('not started: no phase yet, the first phase next, with its fee', () => {
    expect(scheduleColumns({ ...base, status: 'not_started' })).toMatchObject({ phaseIndex: null, phaseCount: 3, nextPhaseAt: 100, feePercent: 5 });
  });
  it('ended: the phase that ran last, when it ended, nothing next', () => {
    expect(scheduleColumns({ ...base, status: 'canceled', canceled_at: 250 })).toMatchObject({ phaseIndex: 2, nextPhaseAt: null, feePercent: 8, endedAt: 250 });
    expect(scheduleColumns({ ...base, status: 'released', released_at: 400 })).toMatchObject({ phaseIndex: 3, endedAt: 400 });
    expect(scheduleColumns({ ...base, status: 'completed', completed_at: 400, customer: { id: 'cus_2' } })).toMatchObject({ customer: 'cus_2', phaseIndex: 3, endedAt: 400 });
    // Canceled before it started.
    expect(scheduleColumns({ ...base, status: 'canceled', canceled_at: 50 })).toMatchObject({ phaseIndex: null, feePercent: null, endedAt: 50 });
  });
});
