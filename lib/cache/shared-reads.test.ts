import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-reads';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('sharedReads', () => {
  it('shares one fetch between requests asking the same question at once', async () => {
    const reads = sharedReads<number>({ ttlMs: 1000 });
    const d = deferred<number>();
    let calls = 0;
    const load = () => (calls++, d.promise);
    const a = reads.get('k', load);
    const b = reads.get('k', load);
    d.resolve(7);
    expect(await a).toBe(7);
    expect(await b).toBe(7);
    expect(calls).toBe(1);
  });

  it('keeps an answer for ttlMs after it came, then fetches again', async () => {
    let t = 0;
    const reads = sharedReads<number>({ ttlMs: 1000, now: () => t });
    let calls = 0;
    const load = async () => ++calls;
    expect(await reads.get('k', load)).toBe(1);
    t = 999;
    expect(await reads.get('k', load)).toBe(1);
    t = 1000;
    expect(await reads.get('k', load)).toBe(2);
    expect(await reads.get('other', load)).toBe(3);
  });

  it('after invalidate, neither a kept answer nor a fetch started before is used', async () => {
    const reads = sharedReads<string>({ ttlMs: 60_000 });
    expect(await reads.get('k', async () => 'kept')).toBe('kept');
    const before = deferred<string>();
    reads.invalidate();
    const inFlight = reads.get('k', () => before.promise);
    reads.invalidate();
    // Started before the second write: not shared with a request made after it.
    const after = reads.get('k', async () => 'after the write');
    before.resolve('before the write');
    expect(await inFlight).toBe('before the write');
    expect(await after).toBe('after the write');
    expect(await reads.get('k', async () => 'not asked')).toBe('after the write');
  });

  it('does not keep a failure', async () => {
    const reads = sharedReads<string>({ ttlMs: 60_000 });
    await expect(reads.get('k', async () => Promise.reject(new Error('Stripe said no')))).rejects.toThrow('Stripe said no');
    expect(await reads.get('k', async () => 'fine')).toBe('fine');
  });

  it('holds at most maxKeys answers', async () => {
    const reads = sharedReads<number>({ ttlMs: 60_000, maxKeys: 2 });
    for (const k of ['a', 'b', 'c']) await reads.get(k, async () => 1);
    expect(reads.size()).toBe(2);
  });
});
