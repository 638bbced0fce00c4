import type { BinnedDataset } from './binned-dataset.js';
import {
  CTRL_FINISHED,
  CTRL_GEN,
  CTRL_JOBS,
  CTRL_STAMP,
  controlSize,
  HIST_STRIDE,
  JOB_BUILD,
  JOB_INTS,
  JOB_SUBTRACT,
  type KernelBuffers,
  type KernelConfig,
  runKernel,
} from './histogram-kernel.js';
import { rowWiseCopies, splitGroups } from './histogram-shares.js';
import { HistogramWorkers } from './histogram-workers.js';
import { isBetterSplit, SPLIT_FEATURE, SPLIT_GAIN, type SplitParams, splitRecordSize } from './split-finder.js';
import type { GrowNode, NodeEvaluator, SplitRequest } from './tree-grower.js';

export interface HistogramEvaluatorOptions {
  /** Threads building histograms (the calling thread included); 1 = no workers. */
  nThreads: number;
  /**
   * Histogram slots: the most nodes whose histograms are kept at once (at most what fits in
   * HISTOGRAM_MEMORY_BYTES). With fewer slots than a tree needs, some histograms are built
   * directly instead of by subtraction: slower, same tree.
   */
  maxSlots: number;
  /** Weight of a bin against a row-wise cell when groups are cut into shares (see histogram-shares' binWeight). */
  binWeight: number;
}

/** Memory reserved for node histograms (untouched slots cost address space, not resident memory). */
export const HISTOGRAM_MEMORY_BYTES = 2 ** 30;

/**
 * Split finding for gradient boosting: full gradient histograms per node with the subtraction
 * trick (build the smaller child, parent − smaller gives the larger), optionally shared with
 * worker threads that claim shares of the stored columns batch by batch. All buffers the workers read
 * live in SharedArrayBuffers; batches are handed over with Atomics, not messages.
 */
export class HistogramEvaluator implements NodeEvaluator {
  readonly rows: Int32Array;
  private readonly buffers: KernelBuffers;
  private readonly config: KernelConfig;
  private workers: HistogramWorkers | null = null;
  private readonly freeSlots: number[] = [];
  /** The node holding each slot's histogram, or null. */
  private readonly holders: (GrowNode | null)[];
  private grad: Float64Array = new Float64Array(0);
  private hess: Float64Array = new Float64Array(0);
  private stamp = 0;
  private nodeMask: ((out: Uint8Array) => void) | null = null;

  private constructor(data: BinnedDataset, params: SplitParams, options: HistogramEvaluatorOptions) {
    const layout = data.layout;
    const shared = options.nThreads > 1;
    const n = layout.rows;
    const slotSize = layout.groupBinStart[layout.nGroups] * HIST_STRIDE;
    const maxSlots = Math.max(1, Math.min(options.maxSlots, Math.floor(HISTOGRAM_MEMORY_BYTES / (8 * slotSize))));
    const maxJobs = 2 * maxSlots + 2;
    const R = splitRecordSize(1);
    const f64 = (len: number) => new Float64Array(alloc(len * 8, shared));
    // One share per thread: each thread takes its own first, then any share still unclaimed, so
    // a worker that wakes late finds its share taken rather than holding the batch up. (Smaller
    // shares balance better but each costs another pass over the node's rows: measured slower.)
    const nShares = options.nThreads;
    const groupSplits = splitGroups(layout, data.sparseStart, nShares, options.binWeight);
    const rowWise = rowWiseCopies(data, groupSplits, (bytes) => alloc(bytes, shared));
    this.buffers = {
      bins: data.bins,
      sparseStart: data.sparseStart,
      sparseRows: data.sparseRows,
      sparseBins: data.sparseBins,
      rows: new Int32Array(alloc(n * 4, shared)),
      grad: f64(shared ? n : 0),
      hess: f64(shared ? n : 0),
      rowJob: new Int32Array(alloc(n * 4, shared)).fill(-1),
      og: f64(n),
      oh: f64(n),
      hist: f64(maxSlots * slotSize),
      treeMask: new Uint8Array(alloc(layout.nFeatures, shared)),
      nodeMasks: new Uint8Array(alloc(maxJobs * layout.nFeatures, shared)),
      jobs: new Int32Array(alloc(maxJobs * JOB_INTS * 4, shared)),
      jobTotals: f64(maxJobs * HIST_STRIDE),
      results: f64(nShares * maxJobs * R),
      control: new Int32Array(alloc(controlSize(nShares) * 4, shared)),
      rowDense: rowWise.rowDense,
      rowSparseStart: rowWise.rowSparseStart,
      rowSparse: rowWise.rowSparse,
    };
    this.config = {
      layout,
      params,
      slotSize,
      maxJobs,
      nThreads: options.nThreads,
      nShares,
      groupSplits,
      denseOffsets: rowWise.denseOffsets,
      denseGroupStart: rowWise.denseGroupStart,
      rowDenseStart: rowWise.rowDenseStart,
    };
    this.rows = this.buffers.rows;
    this.holders = new Array<GrowNode | null>(maxSlots).fill(null);
    for (let s = maxSlots - 1; s >= 0; s--) this.freeSlots.push(s);
    this.buffers.treeMask.fill(1);
  }

  /** Creates the evaluator and, for nThreads > 1, starts its workers (the dataset must be in shared memory). */
  static async create(data: BinnedDataset, params: SplitParams, options: HistogramEvaluatorOptions): Promise<HistogramEvaluator> {
    const evaluator = new HistogramEvaluator(data, params, options);
    if (options.nThreads > 1)
      evaluator.workers = await HistogramWorkers.start(options.nThreads - 1, evaluator.buffers, evaluator.config);
    return evaluator;
  }

  /** Gradients and hessians of the next tree, its feature mask (1 = usable), and an optional per-node mask sampler. */
  setTree(
    grad: Float64Array,
    hess: Float64Array,
    treeMask: Uint8Array | null,
    nodeMask: ((out: Uint8Array) => void) | null,
  ): void {
    this.grad = grad;
    this.hess = hess;
    if (this.workers) {
      this.buffers.grad.set(grad);
      this.buffers.hess.set(hess);
    } else {
      this.buffers.grad = grad;
      this.buffers.hess = hess;
    }
    if (treeMask) this.buffers.treeMask.set(treeMask);
    else this.buffers.treeMask.fill(1);
    this.nodeMask = nodeMask;
  }

  /**
   * A copy of the histogram held for `node` (gradient, hessian and row count per bin of every
   * stored column, in layout order), or null when the node holds none.
   */
  histogramOf(node: GrowNode): Float64Array | null {
    if (node.slot < 0) return null;
    const { slotSize } = this.config;
    return this.buffers.hist.slice(node.slot * slotSize, (node.slot + 1) * slotSize);
  }

  release(node: GrowNode): void {
    if (node.slot >= 0) {
      this.freeSlots.push(node.slot);
      this.holders[node.slot] = null;
    }
    node.slot = -1;
  }

  /**
   * Finds the best split of every requested node. A child whose sibling's histogram can be
   * built gets its own by subtraction from its parent's. When the histogram slots run out, the
   * jobs gathered so far are run and the histogram of the smallest node holding one is given up
   * (its children will be built directly rather than by subtraction), so every node is evaluated
   * whatever the number of slots.
   */
  evaluate(requests: SplitRequest[], rows: Int32Array): void {
    const batch = this.startBatch();
    const takeSlot = (): number => {
      const free = this.freeSlots.pop();
      if (free !== undefined) return free;
      if (batch.jobs.length > 0) {
        this.runBatch(batch);
        return takeSlot();
      }
      return this.evictSmallest();
    };
    for (const { parent, nodes } of requests) {
      const wanted = new Set(nodes);
      if (parent?.left && parent.right && parent.slot >= 0 && nodes.length > 0) {
        const [small, large] =
          parent.left.end - parent.left.start <= parent.right.end - parent.right.start
            ? [parent.left, parent.right]
            : [parent.right, parent.left];
        const slot = takeSlot();
        if (parent.slot >= 0) {
          this.hold(large, parent.slot);
          parent.slot = -1;
          this.hold(small, slot);
          this.push(batch, small, JOB_BUILD, -1, -1, wanted.has(small), rows);
          this.push(batch, large, JOB_SUBTRACT, large.slot, small.slot, wanted.has(large), rows);
          continue;
        }
        // The parent's own histogram was the one given up: build the children directly.
        this.freeSlots.push(slot);
      }
      if (parent) this.release(parent);
      for (const node of nodes) {
        this.hold(node, takeSlot());
        this.push(batch, node, JOB_BUILD, -1, -1, true, rows);
      }
    }
    if (batch.jobs.length > 0) this.runBatch(batch);
  }

  private hold(node: GrowNode, slot: number): void {
    node.slot = slot;
    this.holders[slot] = node;
  }

  /** Takes the slot of the node with the fewest rows among those holding one (no batch may be pending). */
  private evictSmallest(): number {
    let victim: GrowNode | null = null;
    for (const node of this.holders) {
      if (node && (!victim || node.end - node.start < victim.end - victim.start)) victim = node;
    }
    if (!victim) throw new Error('histogram evaluator has no slots');
    const slot = victim.slot;
    victim.slot = -1;
    this.holders[slot] = null;
    return slot;
  }

  /** A new, empty batch of jobs, with its own range of row stamps. */
  private startBatch(): Batch {
    if (this.stamp > 0x3fffffff) {
      this.buffers.rowJob.fill(-1);
      this.stamp = 0;
    }
    this.stamp += this.config.maxJobs;
    return { jobs: [], stamp: this.stamp };
  }

  private push(
    batch: Batch,
    node: GrowNode,
    kind: number,
    parentSlot: number,
    siblingSlot: number,
    find: boolean,
    rows: Int32Array,
  ) {
    const { jobs: J, jobTotals } = this.buffers;
    const j = batch.jobs.length;
    const at = j * JOB_INTS;
    J[at] = kind;
    J[at + 1] = node.slot;
    J[at + 2] = node.start;
    J[at + 3] = node.end;
    J[at + 4] = parentSlot;
    J[at + 5] = siblingSlot;
    J[at + 6] = -1;
    J[at + 7] = find ? 1 : 0;
    if (find && this.nodeMask) {
      J[at + 6] = j;
      const F = this.config.layout.nFeatures;
      this.nodeMask(this.buffers.nodeMasks.subarray(j * F, (j + 1) * F));
    }
    jobTotals.set(node.totals.subarray(0, HIST_STRIDE), j * HIST_STRIDE);
    if (kind === JOB_BUILD) this.gather(rows, node.start, node.end, batch.stamp + j);
    batch.jobs.push({ node, find });
  }

  /**
   * Runs the batch's jobs, stores each found split on its node and frees the slots of nodes that
   * were built only to derive a sibling. The batch is then reset (with new row stamps), ready for
   * more jobs.
   */
  private runBatch(batch: Batch): void {
    const jobs = batch.jobs;
    this.run(jobs.length, batch.stamp);
    const R = splitRecordSize(1);
    const results = this.buffers.results;
    jobs.forEach(({ node, find }, j) => {
      if (!find) {
        this.release(node);
        return;
      }
      let best = j * R;
      for (let share = 1; share < this.config.nShares; share++) {
        const at = (share * this.config.maxJobs + j) * R;
        if (isBetterSplit(results[at + SPLIT_GAIN], results[at + SPLIT_FEATURE], results, best)) best = at;
      }
      node.split = results[best + SPLIT_FEATURE] >= 0 ? results.slice(best, best + R) : null;
    });
    const next = this.startBatch();
    batch.jobs = next.jobs;
    batch.stamp = next.stamp;
  }

  /** Orders the node's gradients by position and stamps its rows with the job. */
  private gather(rows: Int32Array, start: number, end: number, stamp: number): void {
    const { og, oh, rowJob } = this.buffers;
    const grad = this.grad;
    const hess = this.hess;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      og[i] = grad[r];
      oh[i] = hess[r];
      rowJob[r] = stamp;
    }
  }

  /**
   * Runs a batch of `nJobs` jobs (already in the job table): starts its generation, claims shares
   * (with the workers, when there are any) until none is left, and waits for the workers' shares.
   */
  private run(nJobs: number, stamp: number): void {
    const control = this.buffers.control;
    Atomics.store(control, CTRL_STAMP, stamp);
    Atomics.store(control, CTRL_JOBS, nJobs);
    Atomics.store(control, CTRL_FINISHED, 0);
    const generation = Atomics.add(control, CTRL_GEN, 1) + 1;
    this.workers?.wake();
    runKernel(this.buffers, this.config, 0, generation);
    this.workers?.waitForShares(this.config.nShares);
  }

  /** Stops the workers (idempotent). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = null;
    await workers?.close();
  }
}

/** Jobs gathered for one run of the kernel; row stamps of its build jobs start at `stamp`. */
interface Batch {
  jobs: { node: GrowNode; find: boolean }[];
  stamp: number;
}

function alloc(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}
