import { Matrix } from '../../../core/matrix.js';
import { Rng } from '../../../core/rng.js';

/**
 * Lead-like columns for split-search tests: a numeric column, a 4-level one-hot block, a
 * mostly-zero count and a mostly-missing column; the label leans on the one-hot and the count.
 */
export function sparseData(n: number, seed: number): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const X = new Matrix(n, 7);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, rng.normal(0, 1));
    X.set(i, 1 + rng.weightedIndex([80, 10, 6, 4]), 1);
    X.set(i, 5, rng.bernoulli(0.08) ? rng.int(5) + 1 : 0);
    X.set(i, 6, rng.bernoulli(0.85) ? Number.NaN : rng.normal(0, 1));
    y[i] = rng.bernoulli(X.get(i, 2) === 1 || X.get(i, 5) > 2 ? 0.7 : 0.1) ? 1 : 0;
  }
  return { X, y };
}
