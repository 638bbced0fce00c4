import { InputError } from '../core/errors.js';
import type { Resampled } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { assertSamplerInputs, rowsByClass } from './sampler-input.js';
import { resolveSamplingStrategy, type SamplingStrategy } from './sampling-strategy.js';

/** How an interpolating over-sampler builds the synthetic rows of one class. */
export interface SyntheticOversampling {
  sampler: string;
  samplingStrategy: SamplingStrategy;
  kNeighbors: number;
  /** Writes `n` synthetic rows (row-major, X.cols wide) into `out` for the class whose input rows are `classRows`. */
  synthesize(X: Matrix, classRows: Int32Array, n: number, rng: Rng, out: Float64Array): void;
}

/**
 * The frame shared by SMOTE and SMOTE-NC: checks the inputs, resolves how many rows each class
 * gains, and returns every input row followed by each class's synthetic rows (in class order,
 * `sourceIndex` −1).
 */
export function oversampleWithSynthetic(X: Matrix, y: Labels, rng: Rng, how: SyntheticOversampling): Resampled {
  const who = how.sampler;
  const { labels, counts } = assertSamplerInputs(X, y, { sampler: who, requireFinite: true });
  const target = resolveSamplingStrategy(how.samplingStrategy, counts, 'over', who);
  const byClass = rowsByClass(labels, counts);
  const k = how.kNeighbors;
  for (let c = 0; c < counts.length; c++) {
    if (target[c] > counts[c] && counts[c] - 1 < k) {
      throw new InputError(
        `${who}: kNeighbors = ${k} needs at least ${k + 1} rows of class ${c} (each row's ${k} nearest others), but class ${c} has ${counts[c]}; set kNeighbors to at most ${Math.max(1, counts[c] - 1)}${counts[c] < 2 ? ' after adding rows of that class, or use RandomOverSampler' : ''}`,
      );
    }
  }
  const added = target.reduce((a, t, c) => a + t - counts[c], 0);
  const d = X.cols;
  const data = new Float64Array((X.rows + added) * d);
  data.set(X.data);
  const yOut = new Int32Array(X.rows + added);
  yOut.set(labels);
  const sourceIndex = new Int32Array(X.rows + added).fill(-1);
  for (let i = 0; i < X.rows; i++) sourceIndex[i] = i;
  let at = X.rows;
  for (let c = 0; c < counts.length; c++) {
    const n = target[c] - counts[c];
    if (n <= 0) continue;
    how.synthesize(X, byClass[c], n, rng, data.subarray(at * d, (at + n) * d));
    yOut.fill(c, at, at + n);
    at += n;
  }
  return { X: new Matrix(X.rows + added, d, data, X.columns), y: yOut, sourceIndex };
}

/** Which base row, which of its k neighbours, and how far along the segment each synthetic row lies. */
export interface SyntheticDraws {
  base: Int32Array;
  slot: Int32Array;
  step: Float64Array;
}

/** Draws base rows uniformly, a neighbour slot uniformly among k, and a step u ~ U(0, 1) per synthetic row. */
export function drawSynthetic(nBase: number, k: number, n: number, rng: Rng): SyntheticDraws {
  const base = new Int32Array(n);
  const slot = new Int32Array(n);
  const step = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    base[s] = rng.int(nBase);
    slot[s] = rng.int(k);
    step[s] = rng.next();
  }
  return { base, slot, step };
}

/** Copies the given rows of X into a new row-major array. */
export function gatherRows(X: Matrix, rows: Int32Array): Float64Array {
  const d = X.cols;
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(X.data.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}
