// An emulator in a worker thread of a bench, so the load and the server each have a core: what
// bench:emulator and bench:webhooks share. A bench file calls `benchEntry` at its top level with its
// worker's role; the main thread then runs `main`, and the worker (the same file, loaded again with
// tsx's hooks, which do not reach worker threads by themselves) starts the emulator, posts its URL
// and port, and answers messages with `onMessage` ('close' ends it).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startEmulator, type RunningEmulator } from '../lib/emulator/server';

export interface WorkerSide {
  seed: 'demo' | 'empty';
  /** A message from the main thread other than 'close'; what it returns (if anything) is posted back. */
  onMessage?: (message: unknown, running: RunningEmulator) => unknown;
}

/** Runs `main` on the main thread, or the emulator when this file is loaded as `role`'s worker. */
export function benchEntry(role: string, main: () => Promise<void>, worker: WorkerSide): void {
  const here = isMainThread ? 'main' : (workerData as { role?: string } | null)?.role;
  if (here !== 'main' && here !== role) return;
  (here === 'main' ? main() : serve(worker)).catch((e: unknown) => {
    console.error('[bench] failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

async function serve(side: WorkerSide): Promise<void> {
  const running = await startEmulator({ seed: side.seed });
  parentPort!.postMessage({ url: running.url, port: running.port });
  parentPort!.on('message', (m: unknown) => {
    if (m === 'close') {
      void running.close().then(() => process.exit(0));
      return;
    }
    const answer = side.onMessage?.(m, running);
    if (answer !== undefined) parentPort!.postMessage(answer);
  });
}

export interface EmulatorWorker {
  url: string;
  port: number;
  /** Posts a message to the worker's onMessage and resolves with its answer. */
  ask<T>(message: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts `file` (a bench calling benchEntry) as `role`'s worker; resolves once its emulator listens. */
export async function startEmulatorWorker(file: string, role: string): Promise<EmulatorWorker> {
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true, workerData: { role } });
  const { url, port } = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the emulator worker exited (${code})`)));
  });
  return {
    url,
    port,
    ask: <T>(message: unknown) =>
      new Promise<T>((resolve) => {
        worker.once('message', (m: T) => resolve(m));
        worker.postMessage(message);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}
