/**
 * Seeded synthetic lead matrices for the tree-model tests: a few informative numeric columns
 * (with missing values), one-hot blocks of categorical columns and pure-noise columns, with
 * labels drawn from a known logistic (binary) or softmax (multi-class) model.
 */
import { Matrix } from '../../../core/matrix.js';
import { Rng } from '../../../core/rng.js';

export interface SyntheticOptions {
  rows: number;
  seed: number;
  /** Classes (default 2). */
  nClasses?: number;
  /** Gaussian columns; column 0 carries the strongest signal (default 4). */
  numeric?: number;
  /** One-hot blocks and levels per block (default 2 × 4). */
  categorical?: number;
  levels?: number;
  /** Share of missing values in numeric columns 1.. (default 0.05; column 0 is never missing). */
  missing?: number;
  /** Shift of the positive class's log-odds (default −1: about 30% positives). */
  intercept?: number;
}

export interface SyntheticLeads {
  X: Matrix;
  y: Int32Array;
}

/** Rows of the same seed are the same whatever `rows` is, so train and test sets can share a generator. */
export function makeSyntheticLeads(options: SyntheticOptions): SyntheticLeads {
  const { rows, seed } = options;
  const K = options.nClasses ?? 2;
  const numeric = options.numeric ?? 4;
  const categorical = options.categorical ?? 2;
  const levels = options.levels ?? 4;
  const missing = options.missing ?? 0.05;
  const intercept = options.intercept ?? -1;
  const d = numeric + categorical * levels;
  const names = [
    ...Array.from({ length: numeric }, (_, j) => `num${j}`),
    ...Array.from({ length: categorical * levels }, (_, j) => `cat${Math.floor(j / levels)}_${j % levels}`),
  ];
  const X = new Matrix(rows, d, undefined, names);
  const y = new Int32Array(rows);
  const effects = new Rng(1234);
  const levelEffect = Float64Array.from({ length: categorical * levels * K }, () => effects.normal(0, 0.8));
  const rng = new Rng(seed);
  const score = new Float64Array(K);
  for (let i = 0; i < rows; i++) {
    score.fill(0);
    for (let j = 0; j < numeric; j++) {
      const v = rng.normal(0, 1);
      const isMissing = j > 0 && rng.bernoulli(missing);
      X.set(i, j, isMissing ? Number.NaN : v);
      const weight = j === 0 ? 1.6 : j === 1 ? 0.8 : 0;
      for (let k = 0; k < K; k++) score[k] += (k === 0 ? -1 : k === 1 ? 1 : 0.5) * weight * (isMissing ? 0.5 : v);
    }
    if (numeric > 2) score[K - 1] += X.get(i, 0) > 0.5 && !(X.get(i, 2) < 0) ? 0.8 : 0;
    for (let c = 0; c < categorical; c++) {
      const level = rng.weightedIndex(Array.from({ length: levels }, (_, l) => 1 / (l + 1)));
      const j = c * levels + level;
      X.set(i, numeric + j, 1);
      for (let k = 0; k < K; k++) score[k] += levelEffect[j * K + k];
    }
    if (K === 2) {
      y[i] = rng.bernoulli(1 / (1 + Math.exp(-(score[1] - score[0] + intercept)))) ? 1 : 0;
    } else {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, score[k]);
      y[i] = rng.weightedIndex(Array.from(score, (s) => Math.exp(s - max)));
    }
  }
  return { X, y };
}

/** Share of rows whose predicted class equals the label. */
export function accuracy(labels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < labels.length; i++) hits += labels[i] === predicted[i] ? 1 : 0;
  return hits / labels.length;
}

/** Copy of X with value `value` at (row, col). */
export function withValue(X: Matrix, row: number, col: number, value: number): Matrix {
  const copy = new Matrix(X.rows, X.cols, X.data.slice(), X.columns);
  copy.set(row, col, value);
  return copy;
}
