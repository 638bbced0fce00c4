import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';

/** What every sampler checks before it resamples. */
export interface SamplerInputCheck {
  /** Name of the sampler, used in messages. */
  sampler: string;
  /** Whether X must be finite: interpolating samplers (SMOTE, SMOTE-NC) cannot use NaN or ±Infinity. */
  requireFinite: boolean;
}

/** Labels as class indices and the number of rows of each class (absent classes count 0). */
export interface SamplerInput {
  labels: Int32Array;
  counts: number[];
}

/**
 * Checks the arguments of `fitResample(X, y, rng)` and counts the classes. Throws an
 * InputError that says what is wrong and what to do about it.
 */
export function assertSamplerInputs(X: Matrix, y: Labels, check: SamplerInputCheck): SamplerInput {
  const who = check.sampler;
  if (y.length !== X.rows) {
    throw new InputError(`${who}: X has ${X.rows} rows but y has ${y.length} labels; they must match row for row`);
  }
  if (X.rows === 0) throw new InputError(`${who}: X has zero rows`);
  const labels = new Int32Array(y.length);
  let maxLabel = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new InputError(
        `${who}: label at row ${i} is ${v}; labels must be class indices 0, 1, … (drop unlabelled rows first)`,
      );
    }
    labels[i] = v;
    if (v > maxLabel) maxLabel = v;
  }
  const counts = new Array<number>(maxLabel + 1).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const present = counts.filter((c) => c > 0).length;
  if (present < 2) {
    throw new InputError(`${who}: y holds a single class (${labels[0]}); resampling needs at least two classes`);
  }
  if (check.requireFinite) assertFinite(X, who);
  return { labels, counts };
}

function assertFinite(X: Matrix, who: string): void {
  const data = X.data;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (Number.isFinite(v)) continue;
    const row = Math.floor(k / X.cols);
    const col = k % X.cols;
    const name = X.columns ? `"${X.columns[col]}"` : `${col}`;
    if (Number.isNaN(v)) {
      throw new InputError(
        `${who}: X has a missing value (NaN) at row ${row}, column ${name}; impute missing values first (the feature pipeline's fill step) — synthetic rows are interpolated and cannot interpolate a missing value`,
      );
    }
    throw new InputError(`${who}: X has an infinite value at row ${row}, column ${name}; replace it with a finite value first`);
  }
}

/** Row indices of each class, in input order. */
export function rowsByClass(labels: Int32Array, counts: readonly number[]): Int32Array[] {
  const out = counts.map((c) => new Int32Array(c));
  const filled = new Array<number>(counts.length).fill(0);
  for (let i = 0; i < labels.length; i++) out[labels[i]][filled[labels[i]]++] = i;
  return out;
}
