// Password checks never starve the event loop: scrypt runs in libuv's thread pool, at most
// HASH_CONCURRENCY at once, so a timer keeps firing on time while twenty checks run (the probe saw
// one request go from 13 ms to 12 s while bcryptjs ran on the event loop). Legacy bcrypt hashes
// still verify and are flagged for rehashing; the semaphore refuses what it cannot queue.
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, LimitBusyError } from '@/lib/auth/concurrency-limit';
import { hashPassword, needsRehash, passwordCheckLoad, verifyPassword } from '@/lib/auth/passwords';
import { HASH_CONCURRENCY } from '@/lib/auth/sign-in-limits';

describe('password hashes', () => {
  it('verifies legacy bcrypt hashes and asks for them to be replaced', async () => {
    const legacy = bcrypt.hashSync('connect-demo', 4);
    expect(await verifyPassword('connect-demo', legacy)).toBe(true);
    expect(await verifyPassword('connect-dem0', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword('connect-demo'))).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('refuses unreadable and absurdly costly stored hashes without computing them', async () => {
    const hash = await hashPassword('pw');
    const planted = hash.replace('ln=14', 'ln=30');
    const started = performance.now();
    expect(await verifyPassword('pw', planted)).toBe(false);
    expect(await verifyPassword('pw', 'plaintext')).toBe(false);
    expect(await verifyPassword('pw', '')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(needsRehash(planted)).toBe(true);
  });

  it('keeps the event loop free while twenty checks run, at most HASH_CONCURRENCY at a time', async () => {
    const hash = await hashPassword('correct horse');
    let last = performance.now();
    let worstGap = 0;
    let mostRunning = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      mostRunning = Math.max(mostRunning, passwordCheckLoad().running);
    }, 10);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyPassword(i === 7 ? 'correct horse' : `guess ${i}`, hash)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(results[7]).toBe(true);
    } finally {
      clearInterval(ticker);
    }
    // A 10 ms timer; bcryptjs on the event loop held it back for seconds.
    expect(worstGap).toBeLessThan(150);
    expect(mostRunning).toBeGreaterThan(0);
    expect(mostRunning).toBeLessThanOrEqual(HASH_CONCURRENCY);
  });
});

describe('createConcurrencyLimit', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs at most `concurrency` tasks, queues a few, refuses the rest', async () => {
    const limit = createConcurrencyLimit({ concurrency: 2, maxQueue: 1, maxWaitMs: 1_000 });
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(30);
      running -= 1;
      return 'done';
    };
    const outcomes = await Promise.allSettled([limit.run(task), limit.run(task), limit.run(task), limit.run(task)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(LimitBusyError);
    expect(most).toBe(2);
    expect(limit.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a task that waited too long, and frees its place in the queue', async () => {
    const limit = createConcurrencyLimit({ concurrency: 1, maxQueue: 5, maxWaitMs: 20 });
    const slow = limit.run(() => sleep(100));
    await expect(limit.run(async () => 'late')).rejects.toBeInstanceOf(LimitBusyError);
    expect(limit.load()).toEqual({ running: 1, waiting: 0 });
    await slow;
    await expect(limit.run(async () => 'now')).resolves.toBe('now');
  });

  it('frees the slot when a task throws', async () => {
    const limit = createConcurrencyLimit({ concurrency: 1, maxQueue: 0, maxWaitMs: 10 });
    await expect(limit.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(async () => 'ok')).resolves.toBe('ok');
  });
});
