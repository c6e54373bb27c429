// A small semaphore: at most `concurrency` tasks run at once, a bounded queue waits a bounded time
// for a slot, and anything beyond is refused at once with LimitBusyError (the caller says "try
// again"). In-process on purpose: it protects this process's CPU and thread pool, nothing shared.

export class LimitBusyError extends Error {
  constructor() {
    super('Too many tasks are waiting; try again shortly.');
    this.name = 'LimitBusyError';
  }
}

export type ConcurrencyLimit = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now (for tests and logs). */
  load(): { running: number; waiting: number };
};

type Waiter = { start: () => void; timer: ReturnType<typeof setTimeout> };

export function createConcurrencyLimit({
  concurrency,
  maxQueue,
  maxWaitMs,
}: {
  concurrency: number;
  maxQueue: number;
  maxWaitMs: number;
}): ConcurrencyLimit {
  let running = 0;
  const queue: Waiter[] = [];

  function release() {
    running -= 1;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  }

  function slot(): Promise<void> {
    if (running < concurrency) {
      running += 1;
      return Promise.resolve();
    }
    if (queue.length >= maxQueue) return Promise.reject(new LimitBusyError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          running += 1;
          resolve();
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new LimitBusyError());
        }, maxWaitMs),
      };
      queue.push(waiter);
    });
  }

  return {
    async run(task) {
      await slot();
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: queue.length }),
  };
}
