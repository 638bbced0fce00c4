import { AbortError } from '../../core/errors.js';
import type { TrainingCallback } from '../../core/estimator.js';
import type { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from '../tree/bin-mapper.js';
import { BinnedDataset } from '../tree/binned-dataset.js';
import { HistogramEvaluator } from '../tree/histogram-evaluator.js';
import { binWeight } from '../tree/histogram-shares.js';
import { HistogramWorkers } from '../tree/histogram-workers.js';
import { newtonValue, type SplitParams } from '../tree/split-finder.js';
import { forEachLeaf, type GrowNode, TreeGrower } from '../tree/tree-grower.js';
import type { TreeTable } from '../tree/tree-table.js';
import { growNodeLeaf, TreeTableBuilder } from '../tree/tree-table-builder.js';
import { computeGradients, initialScores, outputsOf, rawLogLoss } from './boosting-loss.js';
import type { ResolvedBoostingParams } from './gradient-boosting-params.js';
import { sampleMask, sampleRows } from './sampling.js';

/** Below this many matrix cells a fit runs on one thread: worker start-up would cost more than it saves. */
export const PARALLEL_MIN_CELLS = 400_000;
/** Rows used to learn bin edges (scikit-learn subsamples 200,000 too). */
const BINNING_SAMPLE = 200_000;

export interface BoostingInput {
  X: Matrix;
  y: Int32Array;
  weights: Float64Array;
  nClasses: number;
  valid: { X: Matrix; y: Int32Array; weights: ArrayLike<number> | null } | null;
  params: ResolvedBoostingParams;
  nThreads: number;
  callbacks: readonly TrainingCallback[];
  signal?: AbortSignal;
}

export interface BoostingResult {
  table: TreeTable;
  base: Float64Array;
  /** Rounds kept (the best round + 1 after early stopping). */
  nRounds: number;
  /** 0-based best round when early stopping ran, else null. */
  bestIteration: number | null;
  /** Loss per round: `valid` when there were validation rows, `train` when callbacks asked for logs. */
  evalsResult: { train: number[]; valid: number[] };
}

/** Runs the boosting rounds. */
export async function trainBoosting(input: BoostingInput): Promise<BoostingResult> {
  const { X, nClasses, params: p } = input;
  const K = outputsOf(nClasses);
  const n = X.rows;
  const rng = new Rng(p.randomState);
  const binRows = n > BINNING_SAMPLE ? sampleRows(rng, n, BINNING_SAMPLE) : undefined;
  const mapper = BinMapper.fit(X, p.maxBins, binRows);
  const threads = n * X.cols >= PARALLEL_MIN_CELLS ? input.nThreads : 1;
  // Worker threads load their modules while this one bins the data.
  if (threads > 1) HistogramWorkers.prestart(threads - 1);
  const data = BinnedDataset.build(X, mapper, { bundle: p.featureBundling, shared: threads > 1 });
  const sp: SplitParams = {
    nGrad: 1,
    lambda: p.l2Regularization,
    alpha: p.l1Regularization,
    minSamplesLeaf: p.minSamplesLeaf,
    minHessian: p.minChildWeight,
  };
  const leaves = treeLeaves(p, n);
  // Histogram slots: enough for the widest level (depth-wise) or every open leaf (leaf-wise), and two spare.
  const evaluator = await HistogramEvaluator.create(data, sp, {
    nThreads: threads,
    maxSlots: leaves + 2,
    binWeight: binWeight(leaves, p.maxLeaves !== null),
  });
  try {
    return await boost(input, K, rng, mapper, data, sp, evaluator);
  } finally {
    await evaluator.close();
  }
}

async function boost(
  input: BoostingInput,
  K: number,
  rng: Rng,
  mapper: BinMapper,
  data: BinnedDataset,
  sp: SplitParams,
  evaluator: HistogramEvaluator,
): Promise<BoostingResult> {
  const { X, y, weights, valid, params: p } = input;
  const n = X.rows;
  const d = X.cols;
  const grower = new TreeGrower(data, sp, {
    maxDepth: p.maxDepth,
    maxLeaves: p.maxLeaves,
    minSamplesSplit: 2,
    minGain: p.minGainToSplit,
  });
  const base = initialScores(y, weights, input.nClasses, p.baseScore);
  const raw = tile(base, n);
  const rawValid = valid ? tile(base, valid.X.rows) : null;
  const grad = Array.from({ length: K }, () => new Float64Array(n));
  const hess = Array.from({ length: K }, () => new Float64Array(n));
  const builder = new TreeTableBuilder(1, 1);
  const thresholdOf = (f: number, bin: number) => mapper.threshold(f, bin);
  const leafOut = (leaf: GrowNode) => newtonValue(leaf.totals, 0, 0, sp) * p.learningRate;
  const evalsResult = { train: [] as number[], valid: [] as number[] };
  const wantTrainLoss = input.callbacks.length > 0;
  let best = { loss: Number.POSITIVE_INFINITY, round: -1 };
  let rounds = 0;
  let lastYield = Date.now();
  for (let round = 0; round < p.nEstimators; round++) {
    computeGradients(raw, y, weights, K, grad, hess);
    const sample = p.subsample < 1 ? sampleRows(rng, n, Math.max(1, Math.round(p.subsample * n))) : null;
    const inSample = sample ? new Uint8Array(n) : null;
    if (sample && inSample) for (let i = 0; i < sample.length; i++) inSample[sample[i]] = 1;
    for (let k = 0; k < K; k++) {
      const treeMask = p.colsampleByTree < 1 ? sampleMask(rng, d, p.colsampleByTree, null) : null;
      const nodeRng = p.colsampleByNode < 1 ? rng.fork(round * K + k) : null;
      const nodeMask = nodeRng ? (out: Uint8Array) => out.set(sampleMask(nodeRng, d, p.colsampleByNode, treeMask)) : null;
      evaluator.setTree(grad[k], hess[k], treeMask, nodeMask);
      const rows = evaluator.rows;
      const count = sample ? sample.length : n;
      const totals = new Float64Array(3);
      for (let i = 0; i < count; i++) {
        const r = sample ? sample[i] : i;
        rows[i] = r;
        totals[0] += grad[k][r];
        totals[1] += hess[k][r];
      }
      totals[2] = count;
      const root = grower.grow(rows, count, totals, evaluator);
      forEachLeaf(root, (leaf) => {
        const v = leafOut(leaf);
        for (let i = leaf.start; i < leaf.end; i++) raw[rows[i] * K + k] += v;
      });
      if (inSample) {
        for (let r = 0; r < n; r++) if (!inSample[r]) raw[r * K + k] += leafOut(growNodeLeaf(root, thresholdOf, X.data, r * d));
      }
      if (valid && rawValid) {
        const vd = valid.X.data;
        for (let r = 0; r < valid.X.rows; r++) rawValid[r * K + k] += leafOut(growNodeLeaf(root, thresholdOf, vd, r * d));
      }
      builder.addTree(root, thresholdOf, (leaf, out, at) => {
        out[at] = leafOut(leaf);
      });
    }
    rounds = round + 1;
    const logs: { trainLoss?: number; validLoss?: number } = {};
    if (wantTrainLoss) logs.trainLoss = rawLogLoss(raw, y, weights, K);
    if (logs.trainLoss !== undefined) evalsResult.train.push(logs.trainLoss);
    if (valid && rawValid) {
      logs.validLoss = rawLogLoss(rawValid, valid.y, valid.weights, K);
      evalsResult.valid.push(logs.validLoss);
      if (logs.validLoss < best.loss) best = { loss: logs.validLoss, round };
    }
    let stop = false;
    for (const cb of input.callbacks) if (cb.onIterationEnd(round, logs) === 'stop') stop = true;
    if (p.earlyStoppingRounds !== null && valid && round - best.round >= p.earlyStoppingRounds) stop = true;
    if (input.signal?.aborted) throw new AbortError('GradientBoostingClassifier.fit');
    if (stop) break;
    if (Date.now() - lastYield > 100) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
      if (input.signal?.aborted) throw new AbortError('GradientBoostingClassifier.fit');
    }
  }
  const early = p.earlyStoppingRounds !== null && valid !== null && best.round >= 0;
  const kept = early ? best.round + 1 : rounds;
  const table = builder.build();
  return {
    table: kept < rounds ? table.slice(kept * K) : table,
    base,
    nRounds: kept,
    bestIteration: early ? best.round : null,
    evalsResult,
  };
}

function tile(base: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows * base.length);
  for (let i = 0; i < rows; i++) out.set(base, i * base.length);
  return out;
}

/** The most leaves a tree can have (by depth, leaves and rows per leaf). */
function treeLeaves(p: ResolvedBoostingParams, rows: number): number {
  const byDepth = p.maxDepth !== null ? 2 ** Math.min(p.maxDepth, 20) : Number.POSITIVE_INFINITY;
  const byLeaves = p.maxLeaves !== null ? p.maxLeaves : Number.POSITIVE_INFINITY;
  const byRows = Math.ceil(rows / Math.max(1, p.minSamplesLeaf));
  return Math.min(byDepth, byLeaves, byRows);
}
