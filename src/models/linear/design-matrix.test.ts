import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { makeDesignMatrix } from './design-matrix.js';

/** One-hot levels (standardized, so their common value is not 0), a mostly-zero count and a Gaussian column. */
function leadLike(n: number, seed: number, denseColumns: number): Matrix {
  const rng = new Rng(seed);
  const d = 4 + 1 + denseColumns;
  const X = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    const level = rng.weightedIndex([4, 2, 1, 1]);
    for (let k = 0; k < 4; k++) X.set(i, k, level === k ? 1.7 : -0.4);
    X.set(i, 4, rng.bernoulli(0.1) ? rng.int(5) + 1 : 0);
    for (let j = 5; j < d; j++) X.set(i, j, rng.normal(0, 1));
  }
  return X;
}

function naiveProducts(X: Matrix, W: Float64Array, K: number, R: Float64Array, weights: Float64Array) {
  const { rows: n, cols: d } = X;
  const Z = new Float64Array(n * K);
  const G = new Float64Array(K * (d + 1));
  const gram = new Float64Array((d + 1) * (d + 1));
  for (let i = 0; i < n; i++) {
    const x = [...X.row(i), 1];
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) Z[i * K + k] += x[j] * W[k * (d + 1) + j];
      for (let j = 0; j < d; j++) G[k * (d + 1) + j] += x[j] * R[i * K + k];
    }
    for (let a = 0; a <= d; a++) for (let b = 0; b <= d; b++) gram[a * (d + 1) + b] += weights[i] * x[a] * x[b];
  }
  return { Z, G, gram };
}

for (const [label, denseColumns, sparse] of [
  ['one-hot-like (sparse layout)', 0, true],
  ['numeric (dense layout)', 6, false],
] as const) {
  test(`design matrix products equal the textbook sums for ${label} data`, () => {
    const X = leadLike(200, 4, denseColumns);
    const design = makeDesignMatrix(X);
    assert.equal(design.isSparse, sparse);
    const rng = new Rng(1);
    const K = 3;
    const d = X.cols;
    const W = Float64Array.from({ length: K * (d + 1) }, () => rng.normal(0, 1));
    const R = Float64Array.from({ length: X.rows * K }, () => rng.normal(0, 1));
    const weights = Float64Array.from({ length: X.rows }, () => rng.next());
    const expected = naiveProducts(X, W, K, R, weights);
    const Z = new Float64Array(X.rows * K);
    design.multiply(W, K, Z);
    const G = new Float64Array(K * (d + 1));
    design.multiplyTransposed(R, K, G);
    const gram = design.weightedGram(weights);
    const close = (a: ArrayLike<number>, b: ArrayLike<number>, skip?: (k: number) => boolean) => {
      for (let k = 0; k < a.length; k++) {
        if (skip?.(k)) continue;
        assert.ok(Math.abs(a[k] - b[k]) < 1e-10 * (1 + Math.abs(b[k])), `entry ${k}: ${a[k]} vs ${b[k]}`);
      }
    };
    close(Z, expected.Z);
    close(G, expected.G, (k) => k % (d + 1) === d);
    close(gram, expected.gram);
  });
}
