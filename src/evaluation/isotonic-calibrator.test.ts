import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, NotFittedError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { fromJSON } from '../core/serialization.js';
import { IsotonicCalibrator } from './isotonic-calibrator.js';
import { poolAdjacentViolators } from './pool-adjacent-violators.js';

test('poolAdjacentViolators pools each violating run into its weighted mean', () => {
  assert.deepEqual([...poolAdjacentViolators([1, 3, 2, 4], [1, 1, 1, 1])], [1, 2.5, 2.5, 4]);
  // 3 > 1 pools (weights 1, 3) to 6/4 = 1.5; then 2 > 1.5 pools all three to (2 + 3 + 3)/5 = 1.6.
  assert.deepEqual([...poolAdjacentViolators([2, 3, 1], [1, 1, 3])], [1.6, 1.6, 1.6]);
  assert.deepEqual([...poolAdjacentViolators([0, 0, 1, 1], [1, 2, 1, 1])], [0, 0, 1, 1]);
});

test('IsotonicCalibrator interpolates between blocks and clips outside the fitted range', () => {
  // Labels 0, 1, 0, 1, 1 at scores 1–5: the violation 1, 0 pools to ½, ½.
  const calibrator = new IsotonicCalibrator().fit([1, 2, 3, 4, 5], [0, 1, 0, 1, 1]);
  assert.deepEqual(calibrator.thresholds, { x: Float64Array.from([1, 2, 3, 4, 5]), y: Float64Array.from([0, 0.5, 0.5, 1, 1]) });
  assert.deepEqual([...calibrator.transform([0, 1, 1.5, 2.5, 3.5, 5, 9])], [0, 0, 0.25, 0.5, 0.75, 1, 1]);
});

test('IsotonicCalibrator averages tied scores, ignores zero-weight rows and drops flat inner points', () => {
  const tied = new IsotonicCalibrator().fit([1, 1, 2, 3, 4], [1, 0, 1, 1, 1]);
  // 1 → ½; 2, 3, 4 → 1, and 3 (equal to both neighbours) is dropped.
  assert.deepEqual(tied.thresholds, { x: Float64Array.from([1, 2, 4]), y: Float64Array.from([0.5, 1, 1]) });
  const weighted = new IsotonicCalibrator().fit([1, 1, 2, 9], [1, 0, 1, 0], [3, 1, 1, 0]);
  assert.deepEqual(weighted.thresholds, { x: Float64Array.from([1, 2]), y: Float64Array.from([0.75, 1]) });
  assert.deepEqual([...weighted.transform([9])], [1]);
});

test('isotonic probabilities never decrease with the score', () => {
  const rng = new Rng(12);
  const scores = Array.from({ length: 500 }, () => rng.next());
  const labels = scores.map((s) => (rng.bernoulli(s * 0.6) ? 1 : 0));
  const calibrator = new IsotonicCalibrator().fit(scores, labels);
  const grid = Array.from({ length: 201 }, (_, k) => -0.5 + k / 100);
  const out = calibrator.transform(grid);
  for (let k = 1; k < out.length; k++) assert.ok(out[k] >= out[k - 1], `at ${grid[k]}`);
  assert.ok(out.every((p) => p >= 0 && p <= 1));
});

test('an IsotonicCalibrator JSON round trip transforms bit-identically', () => {
  const rng = new Rng(13);
  const scores = Array.from({ length: 300 }, () => rng.normal());
  const labels = scores.map((s) => (rng.bernoulli(1 / (1 + Math.exp(-s))) ? 1 : 0));
  const calibrator = new IsotonicCalibrator().fit(scores, labels);
  const loaded = fromJSON<IsotonicCalibrator>(JSON.parse(JSON.stringify(calibrator)));
  const queries = scores.map((s) => s + rng.normal(0, 0.01));
  assert.deepEqual(loaded.transform(queries), calibrator.transform(queries));
});

test('IsotonicCalibrator names what is wrong with its inputs', () => {
  assert.throws(() => new IsotonicCalibrator().transform([1]), NotFittedError);
  assert.throws(
    () => new IsotonicCalibrator().fit([1, 2], [1, 2]),
    (e: unknown) => e instanceof InputError && /label at row 1 is 2/.test(e.message),
  );
  assert.throws(() => new IsotonicCalibrator().fit([1, 2], [1, 1]), /only one class is present/);
  assert.throws(() => new IsotonicCalibrator().fit([1, 2], [0, 1], [-1, 1]), /sample weight at row 0 is -1/);
});
