import type { Labels } from '../../core/labels.js';
import type { Matrix } from '../../core/matrix.js';
import type { TreeTable } from '../tree/tree-table.js';

const EPS = 2.220446049250313e-16;

/**
 * Out-of-bag predictions of a forest: each row is predicted by the trees whose bootstrap sample
 * left it out. Binary forests keep P(class 1); multi-class forests one probability per class.
 */
export class OutOfBag {
  /** Sum of leaf values per row (rows × outputs). */
  readonly sum: Float64Array;
  /** Trees that left each row out. */
  readonly count: Int32Array;
  private readonly X: Matrix;
  private readonly outputs: number;
  readonly nClasses: number;

  constructor(X: Matrix, nClasses: number) {
    this.X = X;
    this.nClasses = nClasses;
    this.outputs = nClasses === 2 ? 1 : nClasses;
    this.sum = new Float64Array(X.rows * this.outputs);
    this.count = new Int32Array(X.rows);
  }

  /** Adds one tree (a one-tree table) given its bootstrap counts. */
  add(table: TreeTable, counts: Int32Array): void {
    const { value } = table.data;
    const K = this.outputs;
    const d = this.X.cols;
    for (let i = 0; i < this.X.rows; i++) {
      if (counts[i] !== 0) continue;
      const leaf = table.leafOf(0, this.X.data, i * d);
      for (let k = 0; k < K; k++) this.sum[i * K + k] += value[leaf * K + k];
      this.count[i]++;
    }
  }

  /** Out-of-bag probability of each class (rows × nClasses); NaN for rows no tree left out. */
  classProbabilities(): Float64Array {
    const C = this.nClasses;
    const out = new Float64Array(this.X.rows * C);
    for (let i = 0; i < this.X.rows; i++) {
      const c = this.count[i];
      if (this.outputs === 1) {
        const p = c > 0 ? this.sum[i] / c : Number.NaN;
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      } else for (let k = 0; k < C; k++) out[i * C + k] = c > 0 ? this.sum[i * C + k] / c : Number.NaN;
    }
    return out;
  }

  /** Mean log loss over the rows that have out-of-bag predictions. */
  logLoss(y: Labels): number {
    const K = this.outputs;
    let total = 0;
    let rows = 0;
    for (let i = 0; i < y.length; i++) {
      const c = this.count[i];
      if (c === 0) continue;
      total -= Math.log(clip(probabilityOf(this.sum, i, y[i], K, c)));
      rows++;
    }
    return rows > 0 ? total / rows : Number.NaN;
  }

  /** Weighted mean log loss of summed leaf values of `nTrees` trees. */
  static meanLogLoss(sum: Float64Array, nTrees: number, y: Labels, weights: ArrayLike<number> | null, K: number): number {
    let total = 0;
    let weightSum = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights ? weights[i] : 1;
      total -= w * Math.log(clip(probabilityOf(sum, i, y[i], K, nTrees)));
      weightSum += w;
    }
    return weightSum > 0 ? total / weightSum : Number.NaN;
  }
}

function probabilityOf(sum: Float64Array, i: number, label: number, K: number, trees: number): number {
  if (K === 1) {
    const p = sum[i] / trees;
    return label === 1 ? p : 1 - p;
  }
  return sum[i * K + label] / trees;
}

function clip(p: number): number {
  return Math.min(1 - EPS, Math.max(EPS, p));
}
