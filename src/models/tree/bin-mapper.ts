import { InputError } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';

/** Largest number of value bins per feature; one more bin (index = number of value bins) holds missing values. */
export const MAX_BINS = 255;

/**
 * Quantile binning of every feature (LightGBM / scikit-learn's `_BinMapper`): each feature's
 * non-missing values fall into at most `maxBins` bins holding about the same number of rows;
 * a feature with at most `maxBins` distinct values gets one bin per value. Missing values (NaN)
 * go to their own bin, whose index is the feature's number of value bins, so a split can learn
 * where missing values belong.
 */
export class BinMapper {
  /** Upper edge of each value bin but the last, per feature: value v falls in the first bin b with v ≤ upper[b]. */
  readonly upper: Float64Array[];

  private constructor(upper: Float64Array[]) {
    this.upper = upper;
  }

  /** Learns bin edges from the rows of X (all rows, or the given sample of row indices). */
  static fit(X: Matrix, maxBins = MAX_BINS, sampleRows?: ArrayLike<number>): BinMapper {
    if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS) {
      throw new InputError(`maxBins must be an integer in [2, ${MAX_BINS}], got ${maxBins}`);
    }
    const rows = sampleRows ? sampleRows.length : X.rows;
    const block = new Float64Array(COLUMN_BLOCK * rows);
    const upper: Float64Array[] = [];
    for (let j0 = 0; j0 < X.cols; j0 += COLUMN_BLOCK) {
      const j1 = Math.min(X.cols, j0 + COLUMN_BLOCK);
      readBlock(X, j0, j1, sampleRows, block);
      for (let j = j0; j < j1; j++) {
        const values = withoutMissing(block.subarray((j - j0) * rows, (j - j0 + 1) * rows));
        const few = fewDistinct(values, maxBins);
        upper.push(few ? edgesOfDistinct(few) : binEdges(values.sort(), maxBins));
      }
    }
    return new BinMapper(upper);
  }

  static fromEdges(upper: Float64Array[]): BinMapper {
    return new BinMapper(upper);
  }

  get nFeatures(): number {
    return this.upper.length;
  }

  /** Number of value bins of feature j (the missing bin has this index). */
  valueBins(j: number): number {
    return this.upper[j].length + 1;
  }

  /** Bin of one value of feature j. */
  binOf(j: number, value: number): number {
    return binOfValue(this.upper[j], value);
  }

  /** The raw-value threshold of "bin ≤ b goes left" for feature j (+∞ when b is the last value bin). */
  threshold(j: number, bin: number): number {
    const edges = this.upper[j];
    return bin < edges.length ? edges[bin] : Number.POSITIVE_INFINITY;
  }

  /** Bins every column of X into `out[j]` (one byte per row), a block of columns at a time. */
  binColumns(X: Matrix, out: Uint8Array[]): void {
    const n = X.rows;
    const block = new Float64Array(COLUMN_BLOCK * n);
    for (let j0 = 0; j0 < X.cols; j0 += COLUMN_BLOCK) {
      const j1 = Math.min(X.cols, j0 + COLUMN_BLOCK);
      readBlock(X, j0, j1, undefined, block);
      for (let j = j0; j < j1; j++) {
        const values = block.subarray((j - j0) * n, (j - j0 + 1) * n);
        const column = out[j];
        const edges = this.upper[j];
        if (edges.length === 1) {
          // One edge (one-hot and other two-valued columns): one comparison per value.
          const edge = edges[0];
          for (let i = 0; i < n; i++) {
            const v = values[i];
            column[i] = v > edge ? 1 : v <= edge ? 0 : 2;
          }
        } else for (let i = 0; i < n; i++) column[i] = binOfValue(edges, values[i]);
      }
    }
  }
}

/**
 * Bin edges of sorted non-missing values: midpoints between distinct values when there are
 * few of them, otherwise midpoints at (about) equal-frequency cut points.
 */
function binEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      counts.push(1);
    } else counts[counts.length - 1]++;
  }
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) edges.push(midpoint(distinct[k], distinct[k + 1]));
    return Float64Array.from(edges);
  }
  // Greedy equal-frequency binning: close a bin once it holds its share of the remaining rows.
  let remainingRows = n;
  let binsLeft = maxBins;
  let inBin = 0;
  for (let k = 0; k + 1 < distinct.length && binsLeft > 1; k++) {
    inBin += counts[k];
    const target = remainingRows / binsLeft;
    const withNext = inBin + counts[k + 1];
    if (inBin >= target || Math.abs(withNext - target) > Math.abs(inBin - target)) {
      edges.push(midpoint(distinct[k], distinct[k + 1]));
      remainingRows -= inBin;
      binsLeft--;
      inBin = 0;
    }
  }
  return Float64Array.from(edges);
}

/** The bin of `value` given a feature's upper edges (the missing bin for NaN). */
function binOfValue(edges: Float64Array, value: number): number {
  const m = edges.length;
  if (Number.isNaN(value)) return m + 1;
  if (m <= 8) {
    let b = 0;
    while (b < m && value > edges[b]) b++;
    return b;
  }
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Columns read together per pass over the rows (row-major data is read a cache line at a time). */
const COLUMN_BLOCK = 16;

/**
 * Copies columns [j0, j1) of the rows (all rows, or the given sample) into `out`, column after
 * column (column j0 + c at c · rows): row-major data is read a cache line at a time.
 */
function readBlock(X: Matrix, j0: number, j1: number, sampleRows: ArrayLike<number> | undefined, out: Float64Array): void {
  const rows = sampleRows ? sampleRows.length : X.rows;
  const d = X.cols;
  const w = j1 - j0;
  const data = X.data;
  for (let r = 0; r < rows; r++) {
    const base = (sampleRows ? sampleRows[r] : r) * d + j0;
    for (let c = 0, at = r; c < w; c++, at += rows) out[at] = data[base + c];
  }
}

/** The values with the missing ones (NaN) moved out, in place: a prefix view. */
function withoutMissing(values: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) values[m++] = v;
  }
  return values.subarray(0, m);
}

/** The sorted distinct values when there are at most `limit` of them, else null (avoids sorting one-hot columns). */
function fewDistinct(values: Float64Array, limit: number): Float64Array | null {
  // A short list catches one-hot and low-cardinality columns without hashing.
  const small = new Float64Array(8);
  let m = 0;
  let i = 0;
  for (; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    while (k < m && small[k] !== v) k++;
    if (k < m) continue;
    if (m === small.length) break;
    small[m++] = v;
  }
  if (i === values.length) return small.slice(0, m).sort();
  const seen = new Set<number>(small);
  for (; i < values.length; i++) {
    const v = values[i];
    if (seen.has(v)) continue;
    if (seen.size >= limit) return null;
    seen.add(v === 0 ? 0 : v);
  }
  return Float64Array.from(seen).sort();
}

function edgesOfDistinct(distinct: Float64Array): Float64Array {
  const edges = new Float64Array(Math.max(0, distinct.length - 1));
  for (let k = 0; k < edges.length; k++) edges[k] = midpoint(distinct[k], distinct[k + 1]);
  return edges;
}

function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  // Guard against rounding onto b, which would put b in the lower bin.
  return m < b ? m : a;
}
