/**
 * Forest worker thread: takes a fit's task, grows the trees it claims from the fit's shared
 * counter (one at a time, so threads stay busy) and posts them back as flat node arrays; drops
 * the task when the fit ends, and waits idle for the next fit.
 */
import { parentPort } from 'node:worker_threads';
import type { ForestRequest } from './forest-pool.js';
import { ForestTreeGrower } from './forest-tree.js';

let fit: { grower: ForestTreeGrower; seeds: Uint32Array; counter: Int32Array } | null = null;

parentPort?.on('message', (message: ForestRequest) => {
  if (message === 'release') {
    fit = null;
    return;
  }
  if ('task' in message) {
    fit = { grower: new ForestTreeGrower(message.task), seeds: message.seeds, counter: message.counter };
    return;
  }
  const trees: { index: number; data: unknown }[] = [];
  try {
    if (!fit) throw new Error('no forest task was given');
    const { grower, seeds, counter } = fit;
    for (let t = Atomics.add(counter, 0, 1); t < message.to; t = Atomics.add(counter, 0, 1)) {
      const data = grower.grow(seeds[t]);
      trees.push({ index: t, data });
    }
    // Copied, not transferred: a transfer would detach the arrays, and a thread that has detached a
    // buffer checks for detached buffers on every typed-array access from then on.
    parentPort?.postMessage({ trees });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
