/**
 * Forest worker thread: given a forest's task, grows the trees it claims from a shared counter
 * (trees are claimed one at a time, so threads stay busy) and posts them back as flat node
 * arrays; released, it waits for the next forest (threads are reused, see idle-workers).
 */
import { parentPort } from 'node:worker_threads';
import { type ForestTask, ForestTreeGrower } from './forest-tree.js';

type Message =
  | { kind: 'task'; task: ForestTask; seeds: Uint32Array; counter: Int32Array }
  | { kind: 'grow'; to: number }
  | { kind: 'release' };

/** The forest being grown: set by a 'task' message, dropped by 'release'. */
let current: { grower: ForestTreeGrower; seeds: Uint32Array; counter: Int32Array } | null = null;

parentPort?.on('message', (message: Message) => {
  if (message.kind === 'task') {
    try {
      current = { grower: new ForestTreeGrower(message.task), seeds: message.seeds, counter: message.counter };
      parentPort?.postMessage('ready');
    } catch (error) {
      parentPort?.postMessage({ error: describe(error) });
    }
    return;
  }
  if (message.kind === 'release') {
    current = null;
    parentPort?.postMessage('idle');
    return;
  }
  if (!current) {
    parentPort?.postMessage({ error: 'no forest task' });
    return;
  }
  const { grower, seeds, counter } = current;
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
    parentPort?.postMessage({ error: describe(error) });
  }
});

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
