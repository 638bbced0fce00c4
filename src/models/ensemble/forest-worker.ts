/**
 * Forest worker thread: grows the trees it claims from a shared counter (trees are claimed one
 * at a time, so threads stay busy) and posts them back as flat node arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ForestTask, ForestTreeGrower } from './forest-tree.js';

const { task, seeds, counter } = workerData as { task: ForestTask; seeds: Uint32Array; counter: Int32Array };
const grower = new ForestTreeGrower(task);

parentPort?.on('message', (message: { to: number } | 'exit') => {
  if (message === 'exit') {
    parentPort?.close();
    return;
  }
  const trees: { index: number; data: unknown }[] = [];
  const transfer: ArrayBuffer[] = [];
  try {
    for (let t = Atomics.add(counter, 0, 1); t < message.to; t = Atomics.add(counter, 0, 1)) {
      const data = grower.grow(seeds[t]).data;
      trees.push({ index: t, data });
      for (const value of Object.values(data)) if (ArrayBuffer.isView(value)) transfer.push(value.buffer as ArrayBuffer);
    }
    parentPort?.postMessage({ trees }, transfer);
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort?.postMessage('ready');
