import { AbortError, InputError } from '../core/errors.js';
import type { Classifier, Sampler } from '../core/estimator.js';
import type { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { Standardizer } from '../features/standardize.js';
import { averagePrecision } from '../metrics/average-precision.js';
import { brierScoreLoss } from '../metrics/brier-score.js';
import { logLoss } from '../metrics/log-loss.js';
import { rocAuc } from '../metrics/roc-auc.js';
import type { PreparedFold } from './prepare-folds.js';

/** A model family to cross-validate. */
export interface ModelCandidate {
  /** Short key: lr, rf, gbdt, nn, rules. */
  key: string;
  label: string;
  /** Standardize the features inside each fold (linear models, neural nets). */
  standardize?: boolean;
  make(seed: number): Classifier;
  /** Builds the model's own input for some rows of the data set instead of the feature matrix (the rule-based score). */
  inputFor?: (rows: Int32Array) => Matrix;
  /** Models that take no sampler or weights (the rule-based score). */
  fixed?: boolean;
}

/** How the class imbalance is handled in the training part of each fold. */
export interface ImbalanceStrategy {
  key: string;
  label: string;
  /** Resamples the training part (never the test part). */
  sampler?: (fold: PreparedFold) => Sampler;
  /** Per-row training weights (class weights). */
  weights?: (y: Int32Array) => Float64Array;
}

export interface FoldScore {
  fold: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  fitSeconds: number;
  predictSeconds: number;
  /** Training rows after resampling. */
  trainRows: number;
}

export interface CvResult {
  model: string;
  modelLabel: string;
  strategy: string;
  strategyLabel: string;
  folds: FoldScore[];
  /** Out-of-fold P(converted) per data-set row (NaN for rows never in a test fold; repeated folds average). */
  oof: Float64Array;
  /** Labels per data-set row (−1 where never tested). */
  oofLabels: Int8Array;
  /** The data-set rows tested in each fold, and the fold model's P(converted) for them. */
  foldRows: Int32Array[];
  foldPredictions: Float64Array[];
}

export interface CrossValidateOptions {
  strategy?: ImbalanceStrategy;
  /** Rows in the data set (for the out-of-fold arrays); default: the largest row index + 1. */
  rows?: number;
  seed?: number;
  onFold?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const NO_STRATEGY: ImbalanceStrategy = { key: 'none', label: 'none' };

/**
 * Cross-validates one model family with one imbalance strategy on prepared folds: the
 * pipeline was fitted inside each fold (see `prepareFolds`); scaling and resampling happen
 * on the training part only; every test row is scored once by a model that never saw it.
 */
export async function crossValidate(
  candidate: ModelCandidate,
  folds: readonly PreparedFold[],
  options: CrossValidateOptions = {},
): Promise<CvResult> {
  const strategy = candidate.fixed ? NO_STRATEGY : (options.strategy ?? NO_STRATEGY);
  const seed = options.seed ?? 0;
  const rows = options.rows ?? folds.reduce((m, f) => Math.max(m, maxOf(f.trainRows), maxOf(f.testRows)), -1) + 1;
  const sum = new Float64Array(rows);
  const count = new Int32Array(rows);
  const oofLabels = new Int8Array(rows).fill(-1);
  const scores: FoldScore[] = [];
  const foldPredictions: Float64Array[] = [];
  for (const fold of folds) {
    if (options.signal?.aborted) throw new AbortError('cross-validation');
    let trainX = candidate.inputFor ? candidate.inputFor(fold.trainRows) : fold.trainX;
    let testX = candidate.inputFor ? candidate.inputFor(fold.testRows) : fold.testX;
    let trainY = fold.trainY;
    // Resample the raw training features (one-hot columns still 0/1), then scale.
    if (strategy.sampler) {
      const resampled = strategy.sampler(fold).fitResample(trainX, trainY, new Rng(seed).fork(`fold:${fold.fold}`));
      trainX = resampled.X;
      trainY = resampled.y;
    }
    if (candidate.standardize) {
      const scaler = new Standardizer().fit(trainX);
      trainX = scaler.transform(trainX);
      testX = scaler.transform(testX);
    }
    const sampleWeight = strategy.weights ? strategy.weights(trainY) : undefined;
    const model = candidate.make(seed);
    let t = performance.now();
    await model.fit(trainX, trainY, { sampleWeight, signal: options.signal });
    const fitSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const p = model.predictProba(testX);
    const predictSeconds = (performance.now() - t) / 1000;
    const y = Uint8Array.from(fold.testY);
    if (!y.includes(1) || !y.includes(0))
      throw new InputError(`fold ${fold.fold} has a single class in its test part; use fewer folds`);
    scores.push({
      fold: fold.fold,
      rocAuc: rocAuc(y, p),
      prAuc: averagePrecision(y, p),
      logLoss: logLoss(y, p),
      brier: brierScoreLoss(y, p),
      fitSeconds,
      predictSeconds,
      trainRows: trainX.rows,
    });
    foldPredictions.push(p);
    fold.testRows.forEach((r, k) => {
      sum[r] += p[k];
      count[r]++;
      oofLabels[r] = fold.testY[k];
    });
    options.onFold?.(scores.length, folds.length);
  }
  const oof = sum.map((s, r) => (count[r] ? s / count[r] : Number.NaN));
  return {
    model: candidate.key,
    modelLabel: candidate.label,
    strategy: strategy.key,
    strategyLabel: strategy.label,
    folds: scores,
    oof,
    oofLabels,
    foldRows: folds.map((f) => f.testRows),
    foldPredictions,
  };
}

function maxOf(a: Int32Array): number {
  let m = -1;
  for (const v of a) if (v > m) m = v;
  return m;
}
