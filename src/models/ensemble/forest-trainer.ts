import { AbortError } from '../../core/errors.js';
import type { IterationLogs, TrainingCallback } from '../../core/estimator.js';
import type { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from '../tree/bin-mapper.js';
import { BinnedDataset } from '../tree/binned-dataset.js';
import { TreeTable, type TreeTableData } from '../tree/tree-table.js';
import { classWeights } from './class-weight.js';
import { ForestPool } from './forest-pool.js';
import { bootstrapCounts, type ForestTask, ForestTreeGrower } from './forest-tree.js';
import { OutOfBag } from './out-of-bag.js';
import { type ResolvedForestParams, resolveMaxFeatures, resolveMaxSamples } from './random-forest-params.js';
import { sampleRows } from './sampling.js';

/** Below this many matrix cells (or with one tree) a forest grows on one thread. */
const PARALLEL_MIN_CELLS = 200_000;
const BINNING_SAMPLE = 200_000;

export interface ForestInput {
  X: Matrix;
  y: Int32Array;
  nClasses: number;
  sampleWeight: Float64Array | null;
  params: ResolvedForestParams;
  nThreads: number;
  callbacks: readonly TrainingCallback[];
  valid: { X: Matrix; y: Int32Array; weights: ArrayLike<number> | null } | null;
  signal?: AbortSignal;
}

export interface ForestResult {
  table: TreeTable;
  /** Out-of-bag sums and counts (when oobScore or callbacks asked for them). */
  oob: OutOfBag | null;
}

/** Grows the forest's trees (in parallel when worth it) and collects out-of-bag predictions. */
export async function trainForest(input: ForestInput): Promise<ForestResult> {
  const { X, y, params: p } = input;
  const n = X.rows;
  const rng = new Rng(p.randomState);
  const threads = n * X.cols >= PARALLEL_MIN_CELLS && p.nEstimators > 1 ? input.nThreads : 1;
  // Worker threads load their modules while the data is binned.
  if (threads > 1) ForestPool.prestart(threads - 1);
  const mapper = BinMapper.fit(X, p.maxBins, n > BINNING_SAMPLE ? sampleRows(rng.fork('bins'), n, BINNING_SAMPLE) : undefined);
  const data = BinnedDataset.build(X, mapper, { bundle: true, shared: threads > 1 });
  const task: ForestTask = {
    layout: data.layout,
    bins: data.bins,
    sparse: { start: data.sparseStart, rows: data.sparseRows, bins: data.sparseBins },
    upper: mapper.upper,
    y,
    nClasses: input.nClasses,
    sampleWeight: input.sampleWeight,
    classWeight:
      p.classWeight === 'balanced_subsample'
        ? null
        : classWeights(p.classWeight, y, input.nClasses, null, 'RandomForestClassifier'),
    bootstrap: p.bootstrap,
    nSamples: resolveMaxSamples(p.maxSamples, n),
    maxFeatures: resolveMaxFeatures(p.maxFeatures, X.cols),
    maxDepth: p.maxDepth,
    maxLeaves: p.maxLeaves,
    minSamplesSplit: p.minSamplesSplit,
    minSamplesLeaf: p.minSamplesLeaf,
    minImpurityDecrease: p.minImpurityDecrease,
  };
  const seeds = Uint32Array.from({ length: p.nEstimators }, () => rng.nextUint32());
  const local = new ForestTreeGrower(task);
  const pool = threads > 1 ? ForestPool.start(task, seeds, threads - 1) : null;
  const tables: TreeTableData[] = new Array(p.nEstimators);
  const monitor = new ForestMonitor(input, task);
  const batch = input.callbacks.length > 0 || input.signal ? Math.max(8, 4 * threads) : p.nEstimators;
  let kept = p.nEstimators;
  try {
    for (let from = 0; from < p.nEstimators && kept === p.nEstimators; from += batch) {
      const to = Math.min(p.nEstimators, from + batch);
      if (pool) await pool.run(from, to, seeds, local, tables);
      else for (let t = from; t < to; t++) tables[t] = local.grow(seeds[t]);
      for (let t = from; t < to; t++) {
        if (monitor.afterTree(t, tables[t], seeds[t]) === 'stop') {
          kept = t + 1;
          break;
        }
      }
      if (input.signal?.aborted) throw new AbortError('RandomForestClassifier.fit');
      if (to < p.nEstimators) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await pool?.close();
  }
  let oob = monitor.oob;
  if (p.oobScore && !oob) {
    oob = new OutOfBag(X, input.nClasses);
    for (let t = 0; t < kept; t++)
      oob.add(new TreeTable(tables[t]), bootstrapCounts(new Rng(seeds[t]), n, task.nSamples, task.bootstrap));
  }
  return { table: TreeTable.concat(tables.slice(0, kept)), oob };
}

/** Per-tree callbacks with the out-of-bag and validation loss of the forest so far. */
class ForestMonitor {
  readonly oob: OutOfBag | null;
  private readonly input: ForestInput;
  private readonly task: ForestTask;
  private readonly validSum: Float64Array | null;

  constructor(input: ForestInput, task: ForestTask) {
    this.input = input;
    this.task = task;
    const active = input.callbacks.length > 0;
    this.oob = active && input.params.bootstrap ? new OutOfBag(input.X, input.nClasses) : null;
    const K = input.nClasses === 2 ? 1 : input.nClasses;
    this.validSum = active && input.valid ? new Float64Array(input.valid.X.rows * K) : null;
  }

  afterTree(t: number, tree: TreeTableData, seed: number): void | 'stop' {
    if (this.input.callbacks.length === 0) return;
    const table = new TreeTable(tree);
    const logs: IterationLogs = {};
    if (this.oob) {
      this.oob.add(table, bootstrapCounts(new Rng(seed), this.task.layout.rows, this.task.nSamples, this.task.bootstrap));
      logs.oobLoss = this.oob.logLoss(this.input.y);
    }
    const valid = this.input.valid;
    if (valid && this.validSum) {
      const K = this.input.nClasses === 2 ? 1 : this.input.nClasses;
      table.accumulate(valid.X.data, valid.X.cols, 0, valid.X.rows, 0, 1, this.validSum, K, null);
      logs.validLoss = OutOfBag.meanLogLoss(this.validSum, t + 1, valid.y, valid.weights, K);
    }
    let stop = false;
    for (const cb of this.input.callbacks) if (cb.onIterationEnd(t, logs) === 'stop') stop = true;
    return stop ? 'stop' : undefined;
  }
}
