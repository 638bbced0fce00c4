/**
 * Histogram worker thread: for each fit it is given, waits on the shared control words, runs the
 * shares of each batch of histogram jobs it claims (see histogram-kernel) and reports done, until
 * told to exit; then it waits for the next fit (threads are reused, see idle-workers).
 */
import { parentPort } from 'node:worker_threads';
import {
  CMD_EXIT,
  CTRL_CMD,
  CTRL_DONE,
  CTRL_ERROR,
  CTRL_GEN,
  CTRL_JOBS,
  type KernelBuffers,
  type KernelConfig,
  runKernel,
} from './histogram-kernel.js';

/** A job: the buffers and configuration of one fit. */
interface Job {
  buffers: KernelBuffers;
  config: KernelConfig;
}

/** Serves one fit's batches until told to exit, then waits for the next fit. */
function serve({ buffers, config }: Job): void {
  const control = buffers.control;
  let generation = Atomics.load(control, CTRL_GEN);
  parentPort?.postMessage({ kind: 'ready' });
  for (;;) {
    Atomics.wait(control, CTRL_GEN, generation);
    generation = Atomics.load(control, CTRL_GEN);
    if (Atomics.load(control, CTRL_CMD) === CMD_EXIT) break;
    try {
      runKernel(buffers, config, Atomics.load(control, CTRL_JOBS));
    } catch (error) {
      Atomics.store(control, CTRL_ERROR, 1);
      parentPort?.postMessage({ kind: 'failed', error: String(error instanceof Error ? error.stack : error) });
    }
    Atomics.add(control, CTRL_DONE, 1);
    Atomics.notify(control, CTRL_DONE);
  }
  parentPort?.postMessage({ kind: 'idle' });
}

parentPort?.on('message', (job: Job) => serve(job));
