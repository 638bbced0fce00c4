import type { Worker } from 'node:worker_threads';
import {
  CMD_EXIT,
  CTRL_CMD,
  CTRL_ERROR,
  CTRL_FINISHED,
  CTRL_GEN,
  CTRL_SLEEPERS,
  CTRL_WAITING,
  type KernelBuffers,
  type KernelConfig,
  SPIN_MS,
} from './histogram-kernel.js';
import { borrowWorker, giveBack, prestartWorkers } from './idle-workers.js';
import { workerUrl } from './worker-url.js';

const HISTOGRAM_WORKER = workerUrl(import.meta.url, 'histogram-worker');

/** A batch that takes longer than this means a worker died. */
const WORKER_TIMEOUT_MS = 600_000;

/**
 * The worker threads that run the histogram kernel with the calling thread during one fit, and
 * the handshake with them: batches are handed over through the shared control words (Atomics),
 * not messages. Threads come from, and go back to, the idle list (idle-workers).
 */
export class HistogramWorkers {
  private readonly workers: Worker[];
  private readonly control: Int32Array;
  private error: string | null = null;

  private constructor(workers: Worker[], control: Int32Array) {
    this.workers = workers;
    this.control = control;
  }

  /** Starts threads for a later `start` of `count` workers, unless idle ones are there already. */
  static prestart(count: number): void {
    prestartWorkers(HISTOGRAM_WORKER, count);
  }

  /** Borrows `count` workers and gives them this fit's buffers; resolves once all are ready. */
  static async start(count: number, buffers: KernelBuffers, config: KernelConfig): Promise<HistogramWorkers> {
    const workers: Worker[] = [];
    const ready: Promise<Error | null>[] = [];
    for (let t = 0; t < count; t++) {
      const worker = borrowWorker(HISTOGRAM_WORKER);
      workers.push(worker);
      ready.push(nextOfKind(worker, 'ready'));
      worker.postMessage({ buffers, config, thread: t + 1 });
    }
    const team = new HistogramWorkers(workers, buffers.control);
    const failure = (await Promise.all(ready)).find((e) => e !== null);
    if (failure) {
      // A worker that failed may be gone already: stop them all rather than wait for answers.
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw failure;
    }
    for (const worker of workers) {
      worker.on('message', (m: { kind: string; error?: string }) => {
        if (m.kind === 'failed') team.error = m.error ?? 'unknown error';
      });
    }
    return team;
  }

  /** Wakes the workers asleep on the control words for the batch just started (those polling need no call). */
  wake(): void {
    if (Atomics.load(this.control, CTRL_SLEEPERS) > 0) Atomics.notify(this.control, CTRL_GEN);
  }

  /**
   * Blocks until `nShares` shares of the batch are finished (the ones workers claimed too): polls
   * for SPIN_MS, then sleeps. Throws when a worker failed.
   */
  waitForShares(nShares: number): void {
    const control = this.control;
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(control, CTRL_FINISHED) < nShares && performance.now() < spinUntil) {}
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    for (;;) {
      const finished = Atomics.load(control, CTRL_FINISHED);
      if (finished >= nShares) break;
      if (Date.now() > deadline) throw new Error('histogram worker did not answer within 10 minutes');
      Atomics.store(control, CTRL_WAITING, 1);
      Atomics.wait(control, CTRL_FINISHED, finished, 50);
      Atomics.store(control, CTRL_WAITING, 0);
    }
    if (Atomics.load(control, CTRL_ERROR) !== 0) throw new Error(`histogram worker failed: ${this.error ?? 'unknown error'}`);
  }

  /** Ends the fit's loop in every worker; those that answer 'idle' go back to the idle list, the others are stopped. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    const idle = workers.map((worker) => nextOfKind(worker, 'idle'));
    Atomics.store(this.control, CTRL_CMD, CMD_EXIT);
    Atomics.add(this.control, CTRL_GEN, 1);
    Atomics.notify(this.control, CTRL_GEN);
    const failures = await Promise.all(idle);
    workers.forEach((worker, k) => {
      worker.removeAllListeners('message');
      if (failures[k] === null && this.error === null) giveBack(HISTOGRAM_WORKER, worker);
      else void worker.terminate();
    });
  }
}

/** Resolves null on the worker's next message of `kind`, or with the error (or exit) that comes first. */
function nextOfKind(worker: Worker, kind: string): Promise<Error | null> {
  return new Promise((resolve) => {
    const onMessage = (m: { kind?: string }) => {
      if (m?.kind === kind) done(null);
    };
    const onError = (error: Error) => done(error);
    const onExit = (code: number) => done(new Error(`histogram worker exited with code ${code}`));
    const done = (result: Error | null) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
