import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { Smote } from './smote.js';
import { makeSamplerData, runSamplerContract } from './test-support/sampler-contract.js';

const ALL = [0, 1, 2, 3, 4, 5, 6];

runSamplerContract('Smote', { make: () => new Smote(), expectedCounts: [100, 100], segmentColumns: ALL });
runSamplerContract('Smote (ratio 0.5, k = 2)', {
  make: () => new Smote({ samplingStrategy: 0.5, kNeighbors: 2 }),
  expectedCounts: [100, 50],
  segmentColumns: ALL,
});

test('Smote: a synthetic row interpolates towards one of the base row’s k nearest minority rows', () => {
  // Two tight clusters of minority rows far apart: with k = 2 a synthetic row never bridges them.
  const rows = [[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1], ...Array.from({ length: 20 }, (_, i) => [5, i])];
  const y = rows.map((_, i) => (i < 6 ? 1 : 0));
  const out = new Smote({ kNeighbors: 2 }).fitResample(Matrix.fromRows(rows), y, new Rng(1));
  assert.equal(out.X.rows, 40);
  for (let r = 26; r < 40; r++) {
    const [a, b] = out.X.row(r);
    const near = (a <= 0.1 && b <= 0.1) || (a >= 10 && b >= 10);
    assert.ok(near, `synthetic row (${a}, ${b}) left its cluster`);
  }
});

test('Smote: multi-class auto synthesizes rows of each non-majority class from that class only', () => {
  const { X } = makeSamplerData(90, 10, 5);
  const y = Int32Array.from({ length: 90 }, (_, i) => (i < 60 ? 0 : i < 80 ? 1 : 2));
  const out = new Smote({ kNeighbors: 3 }).fitResample(X, y, new Rng(2));
  assert.deepEqual(
    [0, 1, 2].map((c) => out.y.filter((v) => v === c).length),
    [60, 60, 60],
  );
  for (let r = 90; r < out.X.rows; r++) assert.ok(out.y[r] === 1 || out.y[r] === 2);
});

test('Smote: NaN in X is refused with a message to impute first', () => {
  const { X, y } = makeSamplerData();
  const withNaN = new Matrix(X.rows, X.cols, X.data.slice(), X.columns);
  withNaN.set(4, 1, Number.NaN);
  assert.throws(
    () => new Smote().fitResample(withNaN, y, new Rng(1)),
    (e: Error) => e instanceof InputError && /row 4, column "b"/.test(e.message) && /impute/.test(e.message),
  );
});

test('Smote: k larger than the minority count − 1 is refused, naming both numbers', () => {
  const X = Matrix.fromRows(Array.from({ length: 24 }, (_, i) => [i, i % 3]));
  const y = Array.from({ length: 24 }, (_, i) => (i < 4 ? 1 : 0));
  assert.throws(
    () => new Smote({ kNeighbors: 5 }).fitResample(X, y, new Rng(1)),
    (e: Error) =>
      e instanceof InputError &&
      /kNeighbors = 5/.test(e.message) &&
      /class 1 has 4/.test(e.message) &&
      /at most 3/.test(e.message),
  );
  assert.equal(new Smote({ kNeighbors: 3 }).fitResample(X, y, new Rng(1)).X.rows, 40);
});

test('Smote: params are a plain object; bad kNeighbors or strategy is refused at construction', () => {
  assert.deepEqual(new Smote().params, { samplingStrategy: 'auto', kNeighbors: 5 });
  assert.throws(() => new Smote({ kNeighbors: 0 }), ConfigError);
  assert.throws(() => new Smote({ kNeighbors: 2.5 }), ConfigError);
  assert.throws(() => new Smote({ samplingStrategy: 2 }), ConfigError);
});
