import type { Worker } from 'node:worker_threads';
import { borrowWorker, giveBack } from '../tree/idle-workers.js';
import { TreeTable, type TreeTableData } from '../tree/tree-table.js';
import { workerUrl } from '../tree/worker-url.js';
import type { ForestTask, ForestTreeGrower } from './forest-tree.js';

const FOREST_WORKER = workerUrl(import.meta.url, 'forest-worker');

type Reply = { trees: { index: number; data: TreeTableData }[] } | { error: string };

/**
 * Worker threads that grow forest trees alongside the calling thread. Trees are claimed one at a
 * time from a shared counter; tree t always grows from seed t, so the forest does not depend on
 * which thread grew which tree. Worker threads are reused from forest to forest (idle-workers).
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
    const workers: Worker[] = [];
    const ready: Promise<void>[] = [];
    for (let w = 0; w < nWorkers; w++) {
      const worker = borrowWorker(FOREST_WORKER);
      workers.push(worker);
      ready.push(
        nextReply(worker).then((reply) => {
          if (reply !== 'ready') throw new Error(`forest worker failed: ${(reply as { error?: string }).error ?? String(reply)}`);
        }),
      );
      worker.postMessage({ kind: 'task', task, seeds, counter });
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
    const replies = this.workers.map((worker) => {
      const reply = nextReply(worker) as Promise<Reply>;
      worker.postMessage({ kind: 'grow', to });
      return reply;
    });
    for (let t = Atomics.add(this.counter, 0, 1); t < to; t = Atomics.add(this.counter, 0, 1)) tables[t] = local.grow(seeds[t]);
    for (const reply of await Promise.all(replies)) {
      if ('error' in reply) throw new Error(`forest worker failed: ${reply.error}`);
      for (const tree of reply.trees) tables[tree.index] = new TreeTable(tree.data);
    }
  }

  /** Lets the workers go: back to the idle list when they drop this forest's task cleanly, else stopped. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(
      workers.map(async (worker) => {
        const released = nextReply(worker).then(
          () => true,
          () => false,
        );
        worker.postMessage({ kind: 'release' });
        if (await released) giveBack(FOREST_WORKER, worker);
        else await worker.terminate();
      }),
    );
  }
}

/** The worker's next message, or its error or exit as a rejection. */
function nextReply(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      done();
      resolve(message);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`forest worker exited with code ${code}`));
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
