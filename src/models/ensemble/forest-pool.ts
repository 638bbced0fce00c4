import type { Worker } from 'node:worker_threads';
import { TreeTable, type TreeTableData } from '../tree/tree-table.js';
import { startWorker, workerUrl } from '../tree/worker-url.js';
import type { ForestTask, ForestTreeGrower } from './forest-tree.js';

type Reply = { trees: { index: number; data: TreeTableData }[] } | { error: string };

/**
 * Worker threads that grow forest trees alongside the calling thread. Trees are claimed one at a
 * time from a shared counter; tree t always grows from seed t, so the forest does not depend on
 * which thread grew which tree.
 */
export class ForestPool {
  private readonly workers: Worker[];
  private readonly counter: Int32Array;

  private constructor(workers: Worker[], counter: Int32Array) {
    this.workers = workers;
    this.counter = counter;
  }

  static async start(task: ForestTask, seeds: Uint32Array, nWorkers: number): Promise<ForestPool> {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const url = workerUrl(import.meta.url, 'forest-worker');
    const workers: Worker[] = [];
    const ready: Promise<void>[] = [];
    for (let w = 0; w < nWorkers; w++) {
      const worker = startWorker(url, { workerData: { task, seeds, counter } });
      workers.push(worker);
      ready.push(
        new Promise((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', () => resolve());
        }),
      );
    }
    const pool = new ForestPool(workers, counter);
    try {
      await Promise.all(ready);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Grows trees [from, to) with the workers and `local` on this thread; fills `tables`. */
  async run(from: number, to: number, seeds: Uint32Array, local: ForestTreeGrower, tables: TreeTable[]): Promise<void> {
    Atomics.store(this.counter, 0, from);
    const replies = this.workers.map(
      (worker) =>
        new Promise<Reply>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ to });
        }),
    );
    for (let t = Atomics.add(this.counter, 0, 1); t < to; t = Atomics.add(this.counter, 0, 1)) tables[t] = local.grow(seeds[t]);
    for (const reply of await Promise.all(replies)) {
      if ('error' in reply) throw new Error(`forest worker failed: ${reply.error}`);
      for (const tree of reply.trees) tables[tree.index] = new TreeTable(tree.data);
    }
    for (const worker of this.workers) worker.removeAllListeners('error');
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
