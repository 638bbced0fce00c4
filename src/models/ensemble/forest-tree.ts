import { Rng } from '../../core/rng.js';
import { BinMapper } from '../tree/bin-mapper.js';
import { BinnedDataset, type FeatureLayout, featureBinLookup } from '../tree/binned-dataset.js';
import { dominantBins, SampledEvaluator, storedCellRanges } from '../tree/sampled-evaluator.js';
import type { SplitParams } from '../tree/split-finder.js';
import { TreeGrower } from '../tree/tree-grower.js';
import type { TreeTableData } from '../tree/tree-table.js';
import { TreeTableBuilder } from '../tree/tree-table-builder.js';
import { ForestSplitKernel } from '../tree/wasm-forest-split.js';
import { classWeights } from './class-weight.js';

/**
 * Everything needed to grow one forest tree, as plain data that can be posted to a worker
 * thread (the binned columns in shared memory).
 */
export interface ForestTask {
  layout: FeatureLayout;
  bins: Uint8Array;
  sparse: { start: Int32Array; rows: Int32Array; bins: Uint8Array };
  /** Upper bin edges per feature (to turn bin splits into thresholds). */
  upper: Float64Array[];
  y: Int32Array;
  nClasses: number;
  sampleWeight: Float64Array | null;
  /** Per-class weights, or null for 'balanced_subsample' (computed on each bootstrap sample). */
  classWeight: Float64Array | null;
  bootstrap: boolean;
  /** Rows drawn per tree. */
  nSamples: number;
  maxFeatures: number;
  maxDepth: number | null;
  maxLeaves: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
}

/** Bootstrap counts of tree `seed` (scikit-learn: nSamples draws with replacement); all ones without bootstrap. */
export function bootstrapCounts(rng: Rng, n: number, nSamples: number, bootstrap: boolean): Int32Array {
  const counts = new Int32Array(n);
  if (!bootstrap) return counts.fill(1);
  for (let k = 0; k < nSamples; k++) counts[rng.int(n)]++;
  return counts;
}

/** Grows trees of one forest in one thread, reusing buffers between trees. */
export class ForestTreeGrower {
  private readonly task: ForestTask;
  private readonly data: BinnedDataset;
  private readonly mapper: BinMapper;
  private readonly lookups: Uint8Array[];
  private readonly skipBins: Int16Array;
  private readonly params: SplitParams;
  private readonly nGrad: number;
  /** Gradient channel of each row: its class (multi-class); binary: 0 for class 1, −1 for class 0. */
  private readonly channel: Int32Array;
  /** Binary forests: the split search as WebAssembly, with the buffers each tree is grown in. */
  private readonly kernel: ForestSplitKernel | null;

  constructor(task: ForestTask) {
    this.task = task;
    this.data = new BinnedDataset(task.layout, task.bins, task.sparse);
    this.mapper = BinMapper.fromEdges(task.upper);
    this.lookups = Array.from({ length: task.layout.nFeatures }, (_, j) => featureBinLookup(task.layout, j));
    this.skipBins = dominantBins(this.data, this.lookups);
    this.nGrad = task.nClasses === 2 ? 1 : task.nClasses;
    this.params = { nGrad: this.nGrad, lambda: 0, alpha: 0, minSamplesLeaf: task.minSamplesLeaf, minHessian: 0 };
    this.channel = Int32Array.from(task.y, (c) => (this.nGrad === 1 ? (c === 1 ? 0 : -1) : c));
    this.kernel =
      this.nGrad === 1
        ? ForestSplitKernel.create({
            data: this.data,
            lookups: this.lookups,
            skipBins: this.skipBins,
            storedCells: storedCellRanges(this.data, this.lookups, this.skipBins),
            minSamplesLeaf: this.params.minSamplesLeaf,
            minHessian: this.params.minHessian,
            maxFeatures: task.maxFeatures,
            upper: task.upper,
            maxDepth: task.maxDepth,
            minSamplesSplit: task.minSamplesSplit,
          })
        : null;
  }

  /** Grows the tree whose random stream starts from `seed`; returns it as one-tree table data. */
  grow(seed: number): TreeTableData {
    const t = this.task;
    const n = t.layout.rows;
    const rng = new Rng(seed);
    const counts = bootstrapCounts(rng, n, t.nSamples, t.bootstrap);
    const kernel = this.kernel;
    const weights = kernel ? kernel.weight : new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = counts[i] * (t.sampleWeight ? t.sampleWeight[i] : 1);
    const perClass = t.classWeight ?? classWeights('balanced_subsample', t.y, t.nClasses, counts, 'RandomForestClassifier');
    const S = this.nGrad + 2;
    const totals = new Float64Array(S);
    const rows = kernel ? kernel.rows : new Int32Array(n);
    const channel = this.channel;
    let m = 0;
    for (let i = 0; i < n; i++) {
      weights[i] *= perClass[t.y[i]];
      if (!(weights[i] > 0)) continue;
      rows[m++] = i;
      if (channel[i] >= 0) totals[channel[i]] += weights[i];
      totals[this.nGrad] += weights[i];
    }
    totals[this.nGrad + 1] = m;
    const H = totals[this.nGrad];
    // scikit-learn: W_node · Δgini / W_root ≥ minImpurityDecrease; binary gain is half of W_node · Δgini.
    const minGain = Math.max((t.minImpurityDecrease * H) / (this.nGrad === 1 ? 2 : 1), 1e-12 * H);
    if (kernel && t.maxLeaves === null) {
      // The whole tree in the kernel (depth-wise growth): the same tree as below.
      const grad = kernel.grad;
      for (let i = 0; i < n; i++) grad[i] = channel[i] === 0 ? weights[i] : 0;
      const tree = kernel.growTree(m, totals, minGain, rng);
      if (tree) return tree;
      // Its candidate lists outgrew their room: the same tree from the same random state, grown below.
      m = 0;
      for (let i = 0; i < n; i++) if (weights[i] > 0) rows[m++] = i;
    }
    const grower = new TreeGrower(
      this.data,
      this.params,
      {
        maxDepth: t.maxDepth,
        maxLeaves: t.maxLeaves,
        minSamplesSplit: t.minSamplesSplit,
        minGain,
        isPure: (s) => this.isPure(s),
      },
      this.lookups,
      kernel,
    );
    const evaluator = new SampledEvaluator(
      this.data,
      this.params,
      { maxFeatures: t.maxFeatures, rng, rowWeight: weights, rowChannel: channel, skipBins: this.skipBins, kernel },
      this.lookups,
    );
    const root = grower.grow(rows, m, totals, evaluator);
    const builder = new TreeTableBuilder(this.nGrad, this.nGrad);
    builder.addTree(
      root,
      (f, bin) => this.mapper.threshold(f, bin),
      (leaf, out, at) => {
        const h = leaf.totals[this.nGrad];
        // Totals derived by histogram subtraction can stray a rounding error outside [0, h]; a class
        // fraction must not, or the forest's mean could fall a hair below 0 or above 1.
        for (let k = 0; k < this.nGrad; k++) out[at + k] = h > 0 ? Math.min(Math.max(leaf.totals[k] / h, 0), 1) : 0;
      },
    );
    return builder.data();
  }

  /** A node holding (nearly) one class only. */
  private isPure(s: Float64Array): boolean {
    const h = s[this.nGrad];
    const tol = 1e-9 * h;
    if (this.nGrad === 1) return s[0] <= tol || h - s[0] <= tol;
    for (let k = 0; k < this.nGrad; k++) if (h - s[k] <= tol) return true;
    return false;
  }
}
