/**
 * Histogram worker thread: for each fit it is given, waits on the shared control words, runs the
 * shares of each batch of histogram jobs it claims (see histogram-kernel) and reports done, until
 * told to exit; then it waits for the next fit (threads are reused, see idle-workers).
 */
import { parentPort } from 'node:worker_threads';
import {
  CMD_EXIT,
  CTRL_CMD,
  CTRL_ERROR,
  CTRL_GEN,
  CTRL_SLEEPERS,
  type KernelBuffers,
  type KernelConfig,
  runKernel,
  SPIN_MS,
} from './histogram-kernel.js';

/** A job: the buffers and configuration of one fit, and this thread's number (1, 2, …; 0 is the caller). */
interface Job {
  buffers: KernelBuffers;
  config: KernelConfig;
  thread: number;
}

/**
 * Serves one fit's batches until told to exit, then waits for the next fit. Between batches it
 * polls for the next one for SPIN_MS before it sleeps: within a fit the next batch usually comes
 * sooner, and a thread that is awake joins it at once and needs no wake-up call.
 */
function serve({ buffers, config, thread }: Job): void {
  const control = buffers.control;
  let generation = Atomics.load(control, CTRL_GEN);
  parentPort?.postMessage({ kind: 'ready' });
  for (;;) {
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(control, CTRL_GEN) === generation && performance.now() < until) {}
    if (Atomics.load(control, CTRL_GEN) === generation) {
      Atomics.add(control, CTRL_SLEEPERS, 1);
      Atomics.wait(control, CTRL_GEN, generation);
      Atomics.sub(control, CTRL_SLEEPERS, 1);
    }
    generation = Atomics.load(control, CTRL_GEN);
    if (Atomics.load(control, CTRL_CMD) === CMD_EXIT) break;
    try {
      runKernel(buffers, config, thread, generation);
    } catch (error) {
      Atomics.store(control, CTRL_ERROR, 1);
      parentPort?.postMessage({ kind: 'failed', error: String(error instanceof Error ? error.stack : error) });
    }
  }
  parentPort?.postMessage({ kind: 'idle' });
}

parentPort?.on('message', (job: Job) => serve(job));
