import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { SmoteNc } from './smote-nc.js';
import { makeSamplerData, runSamplerContract } from './test-support/sampler-contract.js';

const GROUPS = { oneHotGroups: [[3, 4, 5]], binaryColumns: [6] };

runSamplerContract('SmoteNc', { make: () => new SmoteNc(GROUPS), expectedCounts: [100, 100], segmentColumns: [0, 1, 2] });
runSamplerContract('SmoteNc (raw distances, map, k = 3)', {
  make: () => new SmoteNc({ ...GROUPS, standardize: false, samplingStrategy: { 1: 70 }, kNeighbors: 3 }),
  expectedCounts: [100, 70],
  segmentColumns: [0, 1, 2],
});

/** Two one-hot groups (one with all-zero rows) and two binary columns around continuous columns. */
function mixedData(rows: number, positives: number, seed: number): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const X = new Matrix(rows, 12);
  const y = Int32Array.from({ length: rows }, (_, i) => (i < positives ? 1 : 0));
  for (let i = 0; i < rows; i++) {
    X.set(i, 0, rng.normal(y[i], 1));
    X.set(i, 1, rng.logNormal(8, 2));
    const a = rng.int(4);
    X.set(i, 2 + a, 1);
    X.set(i, 6, rng.bernoulli(0.2) ? 1 : 0);
    X.set(i, 7, rng.uniform(-1, 1));
    const b = rng.int(4);
    if (b < 3) X.set(i, 8 + b, 1);
    X.set(i, 11, rng.bernoulli(0.6) ? 1 : 0);
  }
  return { X, y };
}

test('SmoteNc: synthetic one-hot groups hold an input pattern exactly and binary columns are exactly 0 or 1', () => {
  const { X, y } = mixedData(800, 90, 1);
  const groups = [
    [2, 3, 4, 5],
    [8, 9, 10],
  ];
  const out = new SmoteNc({ oneHotGroups: groups, binaryColumns: [6, 11] }).fitResample(X, y, new Rng(3));
  assert.equal(out.X.rows, 1420);
  const patterns = groups.map(
    (g) => new Set([...Array(X.rows).keys()].filter((i) => y[i] === 1).map((i) => g.map((j) => X.get(i, j)).join())),
  );
  for (let r = X.rows; r < out.X.rows; r++) {
    groups.forEach((g, v) => {
      const values = g.map((j) => out.X.get(r, j));
      assert.ok(
        values.every((x) => x === 0 || x === 1),
        `row ${r}: fractional one-hot value in ${values}`,
      );
      const sum = values.reduce((a, b) => a + b, 0);
      assert.ok(sum === 1 || (sum === 0 && patterns[v].has(values.join())), `row ${r}: one-hot group sums to ${sum}`);
      assert.ok(patterns[v].has(values.join()), `row ${r}: pattern ${values} is not in the minority rows`);
    });
    for (const j of [6, 11]) assert.ok(out.X.get(r, j) === 0 || out.X.get(r, j) === 1);
  }
});

test('SmoteNc: categories come from the most frequent value among the k neighbours, not from the base row', () => {
  // Minority rows A (level x) and B, C, D (level y): every row's 3 neighbours are the other three.
  const rows = [[0.0, 1, 0], [0.1, 0, 1], [0.2, 0, 1], [0.3, 0, 1], ...Array.from({ length: 12 }, (_, i) => [5 + i, 1, 0])];
  const y = rows.map((_, i) => (i < 4 ? 1 : 0));
  const out = new SmoteNc({ oneHotGroups: [[1, 2]], binaryColumns: [], kNeighbors: 3 }).fitResample(
    Matrix.fromRows(rows),
    y,
    new Rng(1),
  );
  assert.equal(out.X.rows, 24);
  for (let r = 16; r < 24; r++) assert.deepEqual(Array.from(out.X.row(r).subarray(1)), [0, 1]);
});

test('SmoteNc: ties between categories are broken by the rng, reproducibly', () => {
  // Three minority rows with three different levels; with k = 2 every base row sees a tie.
  const rows = [[0, 1, 0, 0], [0.5, 0, 1, 0], [1, 0, 0, 1], ...Array.from({ length: 300 }, (_, i) => [3 + i, 1, 0, 0])];
  const y = rows.map((_, i) => (i < 3 ? 1 : 0));
  const make = () => new SmoteNc({ oneHotGroups: [[1, 2, 3]], binaryColumns: [], kNeighbors: 2 });
  const a = make().fitResample(Matrix.fromRows(rows), y, new Rng(9));
  const b = make().fitResample(Matrix.fromRows(rows), y, new Rng(9));
  assert.deepEqual(a.X.data, b.X.data);
  const seen = new Set<string>();
  for (let r = rows.length; r < a.X.rows; r++) seen.add(Array.from(a.X.row(r).subarray(1)).join());
  assert.equal(seen.size, 3, 'every tied level should be drawn sometimes');
});

test('SmoteNc: standardized distances do not depend on a continuous column’s unit', () => {
  const { X, y } = mixedData(300, 40, 2);
  const scaled = new Matrix(X.rows, X.cols, X.data.slice());
  for (let i = 0; i < X.rows; i++) scaled.set(i, 1, X.get(i, 1) * 1e6);
  const params = {
    oneHotGroups: [
      [2, 3, 4, 5],
      [8, 9, 10],
    ],
    binaryColumns: [6, 11],
  };
  const a = new SmoteNc(params).fitResample(X, y, new Rng(4));
  const b = new SmoteNc(params).fitResample(scaled, y, new Rng(4));
  for (let r = X.rows; r < a.X.rows; r++) {
    for (let j = 0; j < X.cols; j++) {
      const expected = j === 1 ? a.X.get(r, j) * 1e6 : a.X.get(r, j);
      assert.ok(Math.abs(b.X.get(r, j) - expected) <= 1e-9 * Math.abs(expected) + 1e-12, `row ${r}, column ${j}`);
    }
  }
});

test('SmoteNc: categorical values are copied exactly when the matrix is standardized', () => {
  const { X, y } = makeSamplerData();
  const Z = new Matrix(
    X.rows,
    X.cols,
    X.data.map((v, k) => (k % X.cols >= 3 ? v * 2.7 - 0.35 : v)),
  );
  const out = new SmoteNc(GROUPS).fitResample(Z, y, new Rng(2));
  const patterns = new Set([...Array(Z.rows).keys()].map((i) => [3, 4, 5, 6].map((j) => Z.get(i, j)).join()));
  for (let r = Z.rows; r < out.X.rows; r++) {
    assert.ok(patterns.has([3, 4, 5, 6].map((j) => out.X.get(r, j)).join()), `row ${r} holds a new categorical value`);
  }
});

test('SmoteNc: refuses NaN, out-of-range or repeated columns, an all-categorical matrix and too large k', () => {
  const { X, y } = makeSamplerData();
  const withNaN = new Matrix(X.rows, X.cols, X.data.slice());
  withNaN.set(2, 0, Number.NaN);
  assert.throws(() => new SmoteNc(GROUPS).fitResample(withNaN, y, new Rng(1)), /impute/);
  assert.throws(() => new SmoteNc({ oneHotGroups: [[3, 9]], binaryColumns: [] }).fitResample(X, y, new Rng(1)), InputError);
  assert.throws(() => new SmoteNc({ oneHotGroups: [[3, 4]], binaryColumns: [4] }), ConfigError);
  assert.throws(() => new SmoteNc({ oneHotGroups: [[]], binaryColumns: [] }), ConfigError);
  assert.throws(
    () => new SmoteNc({ oneHotGroups: [[0, 1, 2, 3, 4, 5]], binaryColumns: [6] }).fitResample(X, y, new Rng(1)),
    /needs at least one/,
  );
  assert.throws(
    () => new SmoteNc({ ...GROUPS, kNeighbors: 20 }).fitResample(X, y, new Rng(1)),
    /kNeighbors = 20.*class 1 has 20/,
  );
});

test('SmoteNc: params are a plain object', () => {
  assert.deepEqual(new SmoteNc(GROUPS).params, {
    oneHotGroups: [[3, 4, 5]],
    binaryColumns: [6],
    samplingStrategy: 'auto',
    kNeighbors: 5,
    standardize: true,
  });
});
