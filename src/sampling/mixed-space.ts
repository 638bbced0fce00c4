import { InputError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import type { NeighborSpace } from './nearest-neighbors.js';

/** One class's rows in SMOTE-NC's distance space, with what is needed to write synthetic rows. */
export interface MixedSpace {
  /** Distance space: continuous columns (divided by the class's std when standardized) and categorical codes. */
  space: NeighborSpace;
  /** Columns interpolated (everything that is not categorical). */
  continuous: Int32Array;
  /** Columns of each categorical variable (a one-hot group or a single binary column). */
  variables: number[][];
  /** For each variable, a class row (index into the class rows) holding each code's exact values. */
  representatives: Int32Array[];
  /** Median of the continuous columns' std in the distance space; a categorical mismatch adds its square. */
  medianStd: number;
}

/**
 * Builds SMOTE-NC's distance space for the rows of one class: continuous columns, standardized by
 * the class's std (population std; constant columns stay unscaled) or raw, and one integer code per
 * categorical variable — equal codes mean identical values across the variable's columns. A
 * categorical mismatch costs the squared median of the continuous stds, the cost imbalanced-learn
 * (≥ 0.11) gives it; when that median is 0 a mismatch costs 1.
 */
export function makeMixedSpace(
  X: Matrix,
  classRows: Int32Array,
  variables: number[][],
  standardize: boolean,
  who: string,
): MixedSpace {
  const d = X.cols;
  const isCategorical = new Uint8Array(d);
  for (const columns of variables) for (const j of columns) isCategorical[j] = 1;
  const continuous = Int32Array.from({ length: d }, (_, j) => j).filter((j) => !isCategorical[j]);
  if (continuous.length === 0) {
    throw new InputError(
      `${who}: every column is categorical; SMOTE-NC interpolates continuous columns and needs at least one (use RandomOverSampler instead)`,
    );
  }
  const m = classRows.length;
  const c = continuous.length;
  const std = columnStds(X, classRows, continuous);
  const scale = Float64Array.from(std, (s) => (standardize && s > 0 ? s : 1));
  const points = new Float64Array(m * c);
  for (let r = 0; r < m; r++) {
    const o = classRows[r] * d;
    for (let j = 0; j < c; j++) points[r * c + j] = X.data[o + continuous[j]] / scale[j];
  }
  const scaledStd = Float64Array.from(std, (s, j) => s / scale[j]).sort();
  const mid = c >> 1;
  const medianStd = c % 2 ? scaledStd[mid] : (scaledStd[mid - 1] + scaledStd[mid]) / 2;
  const penalty = medianStd > 0 ? medianStd : 1;
  const nCodes = variables.length;
  const codes = new Int32Array(m * nCodes);
  const representatives: Int32Array[] = [];
  variables.forEach((columns, v) => {
    const seen = new Map<string | number, number>();
    const first: number[] = [];
    for (let r = 0; r < m; r++) {
      const o = classRows[r] * d;
      const key = columns.length === 1 ? X.data[o + columns[0]] : columns.map((j) => X.data[o + j]).join(',');
      let code = seen.get(key);
      if (code === undefined) {
        code = first.length;
        seen.set(key, code);
        first.push(r);
      }
      codes[r * nCodes + v] = code;
    }
    representatives.push(Int32Array.from(first));
  });
  return {
    space: { points, rows: m, cols: c, codes, nCodes, mismatchCost: penalty * penalty },
    continuous,
    variables,
    representatives,
    medianStd,
  };
}

function columnStds(X: Matrix, rows: Int32Array, columns: Int32Array): Float64Array {
  const d = X.cols;
  const mean = new Float64Array(columns.length);
  const sq = new Float64Array(columns.length);
  for (const i of rows) for (let j = 0; j < columns.length; j++) mean[j] += X.data[i * d + columns[j]];
  for (let j = 0; j < columns.length; j++) mean[j] /= rows.length;
  for (const i of rows) {
    for (let j = 0; j < columns.length; j++) {
      const dev = X.data[i * d + columns[j]] - mean[j];
      sq[j] += dev * dev;
    }
  }
  return Float64Array.from(sq, (s) => Math.sqrt(s / rows.length));
}
