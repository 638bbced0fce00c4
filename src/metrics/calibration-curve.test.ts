import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { brierScoreLoss } from './brier-score.js';
import { calibrationCurve } from './calibration-curve.js';
import { expectedCalibrationError, maxCalibrationError } from './expected-calibration-error.js';
import { logLoss } from './log-loss.js';

// scikit-learn's documented example.
const LABELS = [0, 0, 0, 0, 1, 1, 1, 1, 1];
const PROBS = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];

const near = (a: ArrayLike<number>, b: number[]) => b.every((v, i) => Math.abs(a[i] - v) < 1e-15) && a.length === b.length;

test('calibrationCurve reproduces scikit-learn’s documented example with counts per bin', () => {
  const curve = calibrationCurve(LABELS, PROBS, { nBins: 3 });
  assert.ok(near(curve.probTrue, [0, 0.5, 1]));
  assert.ok(near(curve.probPred, [0.2, 0.525, 0.85]));
  assert.deepEqual([...curve.counts], [3, 2, 4]);
  assert.deepEqual([...curve.bins], [0, 1, 2]);
});

test('a probability on a bin edge falls in the lower bin, and empty bins are dropped', () => {
  const curve = calibrationCurve([0, 1, 1], [0.5, 0.5, 1], { nBins: 4 });
  assert.deepEqual([...curve.bins], [1, 3]);
  assert.deepEqual([...curve.counts], [2, 1]);
});

test('quantile bins hold equal numbers of rows for distinct probabilities', () => {
  const rng = new Rng(4);
  const probs = Array.from({ length: 1000 }, () => rng.next());
  const labels = probs.map((p) => (rng.bernoulli(p) ? 1 : 0));
  const curve = calibrationCurve(labels, probs, { nBins: 10, strategy: 'quantile' });
  assert.deepEqual([...curve.counts], new Array(10).fill(100));
});

test('expectedCalibrationError is the count-weighted mean gap (hand-computed) and 0 for perfect calibration', () => {
  // Gaps 0.2, 0.025, 0.15 over 3, 2 and 4 rows: (0.6 + 0.05 + 0.6) / 9.
  assert.ok(Math.abs(expectedCalibrationError(LABELS, PROBS, { nBins: 3 }) - 1.25 / 9) < 1e-15);
  assert.ok(Math.abs(maxCalibrationError(LABELS, PROBS, { nBins: 3 }) - 0.2) < 1e-15);
  assert.equal(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0);
});

test('well-calibrated probabilities have a small ECE and a shifted copy a large one', () => {
  const rng = new Rng(8);
  const probs = Array.from({ length: 20000 }, () => rng.next());
  const labels = probs.map((p) => (rng.bernoulli(p) ? 1 : 0));
  assert.ok(expectedCalibrationError(labels, probs) < 0.02);
  const shifted = probs.map((p) => Math.min(1, p + 0.2));
  assert.ok(expectedCalibrationError(labels, shifted) > 0.15);
});

test('brierScoreLoss and logLoss match closed forms', () => {
  assert.ok(Math.abs(brierScoreLoss([1, 0, 1], [0.9, 0.2, 0.6]) - (0.01 + 0.04 + 0.16) / 3) < 1e-15);
  assert.ok(Math.abs(brierScoreLoss([1, 0], [0.5, 0.5], [3, 1]) - 0.25) < 1e-15);
  assert.ok(Math.abs(logLoss([1, 0], [0.8, 0.3], [1, 3]) - -(Math.log(0.8) + 3 * Math.log(0.7)) / 4) < 1e-15);
});

test('probability metrics refuse values outside [0, 1] and bad bin settings', () => {
  assert.throws(
    () => brierScoreLoss([0, 1], [0.2, 1.3]),
    /brierScoreLoss: probability at row 1 is 1.3; probabilities must lie in \[0, 1\]/,
  );
  assert.throws(() => logLoss([0, 1], [-0.1, 0.3]), /logLoss: probability at row 0 is -0.1/);
  assert.throws(() => calibrationCurve([0, 1], [0.2, 0.3], { nBins: 0 }), /nBins is 0/);
  assert.throws(() => calibrationCurve([0, 1], [0.2, 0.3], { strategy: 'kmeans' as 'uniform' }), /strategy is "kmeans"/);
});
