import type { Worker } from 'node:worker_threads';
import { borrowWorker, prestartWorkers } from '../tree/idle-workers.js';
import { TreeTable, type TreeTableData } from '../tree/tree-table.js';
import { workerUrl } from '../tree/worker-url.js';
import type { ForestTask, ForestTreeGrower } from './forest-tree.js';

const FOREST_WORKER = workerUrl(import.meta.url, 'forest-worker');

/** What a forest worker is sent: the fit's task, then batches of trees to grow. */
export type ForestRequest = { task: ForestTask; seeds: Uint32Array; counter: Int32Array } | { to: number };

type Reply = { trees: { index: number; data: TreeTableData }[] } | { error: string };

/**
 * Worker threads that grow forest trees alongside the calling thread. Trees are claimed one at a
 * time from a shared counter; tree t always grows from seed t, so the forest does not depend on
 * which thread grew which tree. The threads are started while the caller bins the data (see
 * `prestart`), and this thread does not wait for them: it grows trees from the start, and a worker
 * claims trees once it has loaded its modules and its task. Each fit has threads of its own,
 * stopped at its end: threads kept from fit to fit made later forests of the built-in data slower
 * (7.3–7.7 s against 7.1–7.3 s per forest of fold 0's rows).
 */
export class ForestPool {
  private readonly workers: Worker[];
  private readonly counter: Int32Array;

  private constructor(workers: Worker[], counter: Int32Array) {
    this.workers = workers;
    this.counter = counter;
  }

  /** Starts the threads a later `start` of `count` workers takes. */
  static prestart(count: number): void {
    prestartWorkers(FOREST_WORKER, count);
  }

  /** Borrows `nWorkers` threads and gives them the fit's task (the binned data in shared memory). */
  static start(task: ForestTask, seeds: Uint32Array, nWorkers: number): ForestPool {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const workers = Array.from({ length: nWorkers }, () => borrowWorker(FOREST_WORKER));
    for (const worker of workers) worker.postMessage({ task, seeds, counter } satisfies ForestRequest);
    return new ForestPool(workers, counter);
  }

  /** Grows trees [from, to) with the workers and `local` on this thread; fills `tables`. */
  async run(from: number, to: number, seeds: Uint32Array, local: ForestTreeGrower, tables: TreeTable[]): Promise<void> {
    Atomics.store(this.counter, 0, from);
    const replies = this.workers.map(
      (worker) =>
        new Promise<Reply>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ to } satisfies ForestRequest);
        }),
    );
    try {
      for (let t = Atomics.add(this.counter, 0, 1); t < to; t = Atomics.add(this.counter, 0, 1)) tables[t] = local.grow(seeds[t]);
      for (const reply of await Promise.all(replies)) {
        if ('error' in reply) throw new Error(`forest worker failed: ${reply.error}`);
        for (const tree of reply.trees) tables[tree.index] = new TreeTable(tree.data);
      }
    } finally {
      for (const worker of this.workers) worker.removeAllListeners('error');
    }
  }

  /** Ends the fit: its threads are stopped. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
