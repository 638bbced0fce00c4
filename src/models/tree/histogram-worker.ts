/**
 * Histogram worker thread: waits on the shared control words, runs its share of each batch of
 * histogram jobs (see histogram-kernel), reports done, until told to exit.
 */
import { parentPort, workerData } from 'node:worker_threads';
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

const { buffers, config, thread } = workerData as { buffers: KernelBuffers; config: KernelConfig; thread: number };
const control = buffers.control;
let generation = Atomics.load(control, CTRL_GEN);
parentPort?.postMessage('ready');
for (;;) {
  Atomics.wait(control, CTRL_GEN, generation);
  generation = Atomics.load(control, CTRL_GEN);
  if (Atomics.load(control, CTRL_CMD) === CMD_EXIT) break;
  try {
    runKernel(buffers, config, Atomics.load(control, CTRL_JOBS), thread);
  } catch (error) {
    Atomics.store(control, CTRL_ERROR, 1);
    parentPort?.postMessage(String(error instanceof Error ? error.stack : error));
  }
  Atomics.add(control, CTRL_DONE, 1);
  Atomics.notify(control, CTRL_DONE);
}
parentPort?.close();
