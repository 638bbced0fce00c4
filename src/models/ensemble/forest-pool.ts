import type { Worker } from 'node:worker_threads';
import { borrowWorker, giveBack, prestartWorkers } from '../tree/idle-workers.js';
import type { TreeTableData } from '../tree/tree-table.js';
import { workerUrl } from '../tree/worker-url.js';
import type { ForestTask, ForestTreeGrower } from './forest-tree.js';

const FOREST_WORKER = workerUrl(import.meta.url, 'forest-worker');

/** What a forest worker is sent: a fit's task, a batch of trees to grow, or the end of the fit. */
export type ForestRequest = { task: ForestTask; seeds: Uint32Array; counter: Int32Array } | { to: number } | 'release';

type Reply = { trees: { index: number; data: TreeTableData }[] } | { error: string };

/**
 * Worker threads that grow forest trees alongside the calling thread. Trees are claimed one at a
 * time from a shared counter; tree t always grows from seed t, so the forest does not depend on
 * which thread grew which tree. Threads come from, and go back to, the idle list (idle-workers):
 * a later fit finds them started and their code compiled and optimized. Measured on fold 0's rows
 * with the split search in WebAssembly: x-education 0.64–0.68 s per forest against 0.75–0.78 s
 * with a fresh thread per fit, the built-in data 4.51–4.68 s against 4.55–4.84 s. This thread does
 * not wait for them; it grows trees from the start, and a worker claims trees once it has its task.
 */
export class ForestPool {
  private readonly workers: Worker[];
  private readonly counter: Int32Array;
  private failed = false;

  private constructor(workers: Worker[], counter: Int32Array) {
    this.workers = workers;
    this.counter = counter;
  }

  /** Starts threads for a later `start` of `count` workers, unless idle ones are there already. */
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

  /** Grows trees [from, to) with the workers and `local` on this thread; fills `tables` (one-tree table data). */
  async run(from: number, to: number, seeds: Uint32Array, local: ForestTreeGrower, tables: TreeTableData[]): Promise<void> {
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
        for (const tree of reply.trees) tables[tree.index] = tree.data;
      }
    } catch (error) {
      this.failed = true;
      throw error;
    } finally {
      for (const worker of this.workers) {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
      }
    }
  }

  /** Ends the fit: workers drop its task and go back to the idle list, or are stopped after a failure. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    if (this.failed) {
      await Promise.all(workers.map((w) => w.terminate()));
      return;
    }
    for (const worker of workers) {
      worker.postMessage('release' satisfies ForestRequest);
      giveBack(FOREST_WORKER, worker);
    }
  }
}
