import { InputError } from './errors.js';
import type { Labels, SampleWeight } from './labels.js';
import type { Matrix } from './matrix.js';

export interface FitInputCheck {
  /** Whether NaN (missing) values are allowed in X; ±Infinity never is. */
  allowMissing: boolean;
  /** Name of the estimator, used in messages. */
  estimator: string;
}

/**
 * Checks the arguments of `fit(X, y, { sampleWeight })` and returns the number of
 * classes. Throws an `InputError` that says what is wrong and how to fix it.
 */
export function assertFitInputs(X: Matrix, y: Labels, sampleWeight: SampleWeight | undefined, check: FitInputCheck): number {
  const who = check.estimator;
  if (X.cols === 0) throw new InputError(`${who}: X has zero features; the feature pipeline produced no columns`);
  if (X.rows === 0) throw new InputError(`${who}: X has zero rows`);
  if (y.length !== X.rows) {
    throw new InputError(`${who}: X has ${X.rows} rows but y has ${y.length} labels; they must match row for row`);
  }
  let maxLabel = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new InputError(
        `${who}: label at row ${i} is ${v}; labels must be class indices 0, 1, … (NaN or missing labels must be dropped first)`,
      );
    }
    if (v > maxLabel) maxLabel = v;
  }
  const nClasses = maxLabel + 1;
  const seen = new Uint8Array(nClasses);
  for (let i = 0; i < y.length; i++) seen[y[i]] = 1;
  const present = seen.reduce((a, b) => a + b, 0);
  if (present < 2) {
    throw new InputError(`${who}: y holds a single class (${maxLabel}); a classifier needs at least two classes`);
  }
  if (present < nClasses) {
    const missing = [...seen.keys()].filter((k) => seen[k] === 0);
    throw new InputError(`${who}: classes must be 0..${nClasses - 1} with every class present; missing ${missing.join(', ')}`);
  }
  assertFeatureValues(X, check);
  if (sampleWeight) assertSampleWeight(sampleWeight, X.rows, who);
  return nClasses;
}

/** Checks X at predict time: column count and non-finite values. */
export function assertPredictInputs(X: Matrix, nFeatures: number, check: FitInputCheck): void {
  if (X.cols !== nFeatures) {
    throw new InputError(`${check.estimator}: X has ${X.cols} features but the model was fitted on ${nFeatures}`);
  }
  assertFeatureValues(X, check);
}

function assertFeatureValues(X: Matrix, check: FitInputCheck): void {
  const d = X.cols;
  const data = X.data;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (Number.isFinite(v)) continue;
    const row = Math.floor(k / d);
    const col = k % d;
    const name = X.columns ? `"${X.columns[col]}"` : `${col}`;
    if (Number.isNaN(v)) {
      if (check.allowMissing) continue;
      throw new InputError(
        `${check.estimator}: X has a missing value (NaN) at row ${row}, column ${name}; impute it (the feature pipeline's fill step) or use a tree model`,
      );
    }
    throw new InputError(`${check.estimator}: X has an infinite value at row ${row}, column ${name}`);
  }
}

export function assertSampleWeight(sampleWeight: SampleWeight, rows: number, who: string): void {
  if (sampleWeight.length !== rows) {
    throw new InputError(`${who}: sampleWeight has ${sampleWeight.length} values but X has ${rows} rows`);
  }
  for (let i = 0; i < sampleWeight.length; i++) {
    const w = sampleWeight[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new InputError(`${who}: sampleWeight at row ${i} is ${w}; weights must be finite and non-negative`);
    }
  }
}
