// The readiness check: 200 once the database is open (and the reconciler started), 503 otherwise,
// with nothing in the answer but that.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ fail: false, started: 0, indexJobs: 0 }));
vi.mock('@/lib/db/client', () => ({
  getDb: async () => {
    if (state.fail) throw new Error('The audit chain key does not match the audit log');
    return {};
  },
}));
vi.mock('@/lib/outcomes/background', () => ({ ensureReconciler: () => void (state.started += 1) }));
vi.mock('@/lib/index/background', () => ({ ensureIndexJobs: () => void (state.indexJobs += 1) }));

describe('GET /api/health', () => {
  beforeEach(() => {
    state.fail = false;
    state.started = 0;
    state.indexJobs = 0;
  });

  it('answers 200 and starts the reconciler once the database is open', async () => {
    const { GET } = await import('./route');
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(state.started).toBe(1);
    expect(state.indexJobs).toBe(1);
  });

  it('answers 503, saying nothing more, when the database cannot be opened', async () => {
    state.fail = true;
    const { GET } = await import('./route');
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false });
    expect(state.started).toBe(0);
    expect(state.indexJobs).toBe(0);
  });
});
