import type { Matrix } from '../../core/matrix.js';

/**
 * The training matrix as the logistic solvers see it: the two products every
 * loss/gradient evaluation needs (X·W and Xᵀ·R) and the weighted Gram matrix the
 * standard errors need.
 *
 * Parameters are laid out class by class with a stride of `cols + 1` (the last slot of
 * each block is the intercept, which this matrix ignores): W[k·stride + j].
 */
export interface DesignMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Whether the matrix is stored sparsely around per-column baselines. */
  readonly isSparse: boolean;
  /** Multiply-adds of one `multiply` (or `multiplyTransposed`) pass with one class. */
  readonly productCost: number;
  /** Multiply-adds of one `weightedGram`. */
  readonly gramCost: number;
  /** Z[i·K + k] = Σⱼ X[i, j] · W[k·stride + j] (overwrites Z). */
  multiply(W: Float64Array, K: number, Z: Float64Array): void;
  /** G[k·stride + j] = Σᵢ X[i, j] · R[i·K + k] for j < cols (overwrites those slots of G). */
  multiplyTransposed(R: Float64Array, K: number, G: Float64Array): void;
  /** Σᵢ wᵢ x̃ᵢ x̃ᵢᵀ with x̃ᵢ = (xᵢ, 1): a dense (cols + 1)² symmetric matrix. */
  weightedGram(weights: Float64Array): Float64Array;
}

/** Largest share of non-baseline entries for which the sparse layout pays off. */
const SPARSE_DENSITY_LIMIT = 0.45;

/**
 * Picks the layout: one-hot and indicator columns (even standardized ones, whose
 * "zero" is some other constant) are mostly equal to one value, so storing each
 * column as (baseline + sparse deviations) cuts the work of each pass to the
 * number of non-baseline entries. Dense numeric matrices stay dense.
 */
export function makeDesignMatrix(X: Matrix): DesignMatrix {
  const { baseline, nonBaseline } = columnBaselines(X);
  const total = X.rows * X.cols;
  if (total > 0 && nonBaseline / total <= SPARSE_DENSITY_LIMIT) return new SparseDesign(X, baseline, nonBaseline);
  return new DenseDesign(X);
}

/** Per column: its majority value when it beats zero in frequency, else 0; and the count of other entries. */
function columnBaselines(X: Matrix): { baseline: Float64Array; nonBaseline: number } {
  const { rows: n, cols: d, data } = X;
  const candidate = new Float64Array(d);
  const votes = new Int32Array(d);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let j = 0; j < d; j++) {
      const v = data[o + j];
      if (votes[j] === 0) {
        candidate[j] = v;
        votes[j] = 1;
      } else if (candidate[j] === v) votes[j]++;
      else votes[j]--;
    }
  }
  const candidateCount = new Int32Array(d);
  const zeroCount = new Int32Array(d);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let j = 0; j < d; j++) {
      const v = data[o + j];
      if (v === candidate[j]) candidateCount[j]++;
      if (v === 0) zeroCount[j]++;
    }
  }
  const baseline = new Float64Array(d);
  let nonBaseline = 0;
  for (let j = 0; j < d; j++) {
    const useCandidate = candidateCount[j] > zeroCount[j];
    baseline[j] = useCandidate ? candidate[j] : 0;
    nonBaseline += n - (useCandidate ? candidateCount[j] : zeroCount[j]);
  }
  return { baseline, nonBaseline };
}

class DenseDesign implements DesignMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly isSparse = false;
  readonly productCost: number;
  readonly gramCost: number;
  private readonly data: Float64Array;

  constructor(X: Matrix) {
    this.rows = X.rows;
    this.cols = X.cols;
    this.data = X.data;
    this.productCost = X.rows * X.cols;
    this.gramCost = (X.rows * X.cols * (X.cols + 1)) / 2;
  }

  multiply(W: Float64Array, K: number, Z: Float64Array): void {
    const { rows: n, cols: d, data } = this;
    const stride = d + 1;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      for (let k = 0; k < K; k++) {
        const w = k * stride;
        let s = 0;
        for (let j = 0; j < d; j++) s += data[o + j] * W[w + j];
        Z[i * K + k] = s;
      }
    }
  }

  multiplyTransposed(R: Float64Array, K: number, G: Float64Array): void {
    const { rows: n, cols: d, data } = this;
    const stride = d + 1;
    for (let k = 0; k < K; k++) G.fill(0, k * stride, k * stride + d);
    for (let i = 0, o = 0; i < n; i++, o += d) {
      for (let k = 0; k < K; k++) {
        const r = R[i * K + k];
        if (r === 0) continue;
        const g = k * stride;
        for (let j = 0; j < d; j++) G[g + j] += r * data[o + j];
      }
    }
  }

  weightedGram(weights: Float64Array): Float64Array {
    const { rows: n, cols: d, data } = this;
    const m = d + 1;
    const gram = new Float64Array(m * m);
    for (let i = 0, o = 0; i < n; i++, o += d) {
      const w = weights[i];
      if (w === 0) continue;
      for (let a = 0; a < d; a++) {
        const wa = w * data[o + a];
        if (wa === 0) continue;
        const row = a * m;
        for (let b = a; b < d; b++) gram[row + b] += wa * data[o + b];
        gram[row + d] += wa;
      }
      gram[d * m + d] += w;
    }
    return symmetrizeUpper(gram, m);
  }
}

/** Row-compressed deviations from per-column baselines: X[i, j] = baseline[j] + Δ[i, j]. */
class SparseDesign implements DesignMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly isSparse = true;
  readonly productCost: number;
  readonly gramCost: number;
  private readonly baseline: Float64Array;
  private readonly rowStart: Int32Array;
  private readonly colIndex: Int32Array;
  private readonly delta: Float64Array;

  constructor(X: Matrix, baseline: Float64Array, nonBaseline: number) {
    const { rows: n, cols: d, data } = X;
    this.rows = n;
    this.cols = d;
    this.baseline = baseline;
    this.rowStart = new Int32Array(n + 1);
    this.colIndex = new Int32Array(nonBaseline);
    this.delta = new Float64Array(nonBaseline);
    let p = 0;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      for (let j = 0; j < d; j++) {
        const v = data[o + j];
        if (v === baseline[j]) continue;
        this.colIndex[p] = j;
        this.delta[p++] = v - baseline[j];
      }
      this.rowStart[i + 1] = p;
    }
    let gramCost = d * d;
    for (let i = 0; i < n; i++) {
      const k = this.rowStart[i + 1] - this.rowStart[i];
      gramCost += (k * (k + 1)) / 2;
    }
    this.productCost = nonBaseline + d;
    this.gramCost = gramCost;
  }

  multiply(W: Float64Array, K: number, Z: Float64Array): void {
    const { rows: n, cols: d, baseline, rowStart, colIndex, delta } = this;
    const stride = d + 1;
    for (let k = 0; k < K; k++) {
      const w = k * stride;
      let offset = 0;
      for (let j = 0; j < d; j++) offset += baseline[j] * W[w + j];
      for (let i = 0; i < n; i++) {
        let s = offset;
        for (let p = rowStart[i], end = rowStart[i + 1]; p < end; p++) s += delta[p] * W[w + colIndex[p]];
        Z[i * K + k] = s;
      }
    }
  }

  multiplyTransposed(R: Float64Array, K: number, G: Float64Array): void {
    const { rows: n, cols: d, baseline, rowStart, colIndex, delta } = this;
    const stride = d + 1;
    for (let k = 0; k < K; k++) {
      const g = k * stride;
      G.fill(0, g, g + d);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const r = R[i * K + k];
        total += r;
        if (r === 0) continue;
        for (let p = rowStart[i], end = rowStart[i + 1]; p < end; p++) G[g + colIndex[p]] += r * delta[p];
      }
      for (let j = 0; j < d; j++) G[g + j] += baseline[j] * total;
    }
  }

  weightedGram(weights: Float64Array): Float64Array {
    const { rows: n, cols: d, baseline, rowStart, colIndex, delta } = this;
    const m = d + 1;
    const gram = new Float64Array(m * m);
    const sums = new Float64Array(d);
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      weightSum += w;
      const end = rowStart[i + 1];
      for (let p = rowStart[i]; p < end; p++) {
        const a = colIndex[p];
        const wa = w * delta[p];
        sums[a] += wa;
        // Column indices rise within a row, so q ≥ p fills the upper triangle.
        for (let q = p; q < end; q++) gram[a * m + colIndex[q]] += wa * delta[q];
      }
    }
    // Σ w x xᵀ = Σ w ΔΔᵀ + s bᵀ + b sᵀ + (Σ w) b bᵀ with s = Σ w Δ and b the baselines.
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        gram[a * m + b] += sums[a] * baseline[b] + baseline[a] * sums[b] + weightSum * baseline[a] * baseline[b];
      }
      gram[a * m + d] = sums[a] + weightSum * baseline[a];
    }
    gram[d * m + d] = weightSum;
    return symmetrizeUpper(gram, m);
  }
}

function symmetrizeUpper(matrix: Float64Array, m: number): Float64Array {
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) matrix[b * m + a] = matrix[a * m + b];
  return matrix;
}
