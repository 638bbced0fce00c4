import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { averagePrecision } from './average-precision.js';
import { precisionRecallCurve } from './precision-recall-curve.js';
import { rocAuc } from './roc-auc.js';
import { rocCurve } from './roc-curve.js';

const LABELS = [0, 0, 1, 1];
const SCORES = [0.1, 0.4, 0.35, 0.8];

function randomCase(n: number, seed: number, decimals = 2) {
  const rng = new Rng(seed);
  const labels = Array.from({ length: n }, () => (rng.bernoulli(0.3) ? 1 : 0));
  const scale = 10 ** decimals;
  const scores = labels.map((y) => Math.round((0.5 * y + 0.7 * rng.next()) * scale) / scale);
  return { labels, scores };
}

test('rocCurve reproduces scikit-learn’s documented example', () => {
  const { fpr, tpr, thresholds } = rocCurve(LABELS, SCORES);
  assert.deepEqual([...fpr], [0, 0, 0.5, 0.5, 1]);
  assert.deepEqual([...tpr], [0, 0.5, 0.5, 1, 1]);
  assert.deepEqual([...thresholds], [1.8, 0.8, 0.4, 0.35, 0.1]);
});

test('rocCurve keeps every distinct score by default and drops collinear points only when asked', () => {
  // Scores 0.9, 0.8, 0.7 are all positives: the middle point lies on a straight vertical segment.
  const labels = [1, 1, 1, 0, 0];
  const scores = [0.9, 0.8, 0.7, 0.2, 0.1];
  assert.deepEqual([...rocCurve(labels, scores).thresholds], [1.9, 0.9, 0.8, 0.7, 0.2, 0.1]);
  const dropped = rocCurve(labels, scores, { dropIntermediate: true });
  assert.deepEqual([...dropped.thresholds], [1.9, 0.9, 0.7, 0.1]);
  assert.deepEqual([...dropped.tpr], [0, 1 / 3, 1, 1]);
});

test('rocCurve puts tied scores on one point', () => {
  const { fpr, tpr } = rocCurve([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual([...fpr], [0, 1]);
  assert.deepEqual([...tpr], [0, 1]);
});

test('the trapezoid area under rocCurve equals rocAuc, with and without weights', () => {
  const { labels, scores } = randomCase(400, 3);
  const weights = labels.map((_, i) => 0.5 + (i % 7) / 3);
  for (const sampleWeight of [undefined, weights]) {
    for (const dropIntermediate of [false, true]) {
      const { fpr, tpr } = rocCurve(labels, scores, { sampleWeight, dropIntermediate });
      let area = 0;
      for (let k = 1; k < fpr.length; k++) area += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
      assert.ok(Math.abs(area - rocAuc(labels, scores, sampleWeight)) < 1e-12);
    }
  }
});

test('rocAuc of the reversed score 1 − s is 1 − rocAuc(s), ties included', () => {
  const { labels, scores } = randomCase(500, 11, 1);
  const reversed = scores.map((s) => 1 - s);
  assert.ok(Math.abs(rocAuc(labels, reversed) - (1 - rocAuc(labels, scores))) < 1e-12);
});

test('rocCurve ignores zero-weight rows, as if they were removed', () => {
  const withZero = rocCurve([0, 1, 0, 1, 1], [0.3, 0.6, 0.95, 0.2, 0.8], { sampleWeight: [1, 1, 0, 1, 1] });
  const removed = rocCurve([0, 1, 1, 1], [0.3, 0.6, 0.2, 0.8]);
  assert.deepEqual(withZero, removed);
});

test('rocCurve refuses labels of one class and scores that are not finite', () => {
  assert.throws(
    () => rocCurve([1, 1, 1], [0.2, 0.4, 0.1]),
    /rocCurve: only one class is present in labels \(no negative \(0\) rows\)/,
  );
  assert.throws(() => rocCurve([0, 1], [0.2, Number.NaN]), /rocCurve: score at row 1 is NaN/);
  assert.throws(() => rocCurve([0, 1], [0.2, Number.POSITIVE_INFINITY]), /score at row 1 is Infinity/);
  assert.throws(() => rocCurve([0, 2], [0.2, 0.4]), /rocCurve: label at row 1 is 2, expected 0 or 1/);
});

test('precisionRecallCurve reproduces scikit-learn’s documented example (full curve, ends at recall 0)', () => {
  const { precision, recall, thresholds } = precisionRecallCurve(LABELS, SCORES);
  assert.deepEqual([...precision], [0.5, 2 / 3, 0.5, 1, 1]);
  assert.deepEqual([...recall], [1, 1, 0.5, 0.5, 0]);
  assert.deepEqual([...thresholds], [0.1, 0.35, 0.4, 0.8]);
});

test('averagePrecision is the step sum over precisionRecallCurve', () => {
  const { labels, scores } = randomCase(300, 5);
  const { precision, recall } = precisionRecallCurve(labels, scores);
  let sum = 0;
  for (let k = 0; k < recall.length - 1; k++) sum += (recall[k] - recall[k + 1]) * precision[k];
  assert.ok(Math.abs(sum - averagePrecision(labels, scores)) < 1e-12);
});

test('precisionRecallCurve needs at least one positive', () => {
  assert.throws(() => precisionRecallCurve([0, 0], [0.1, 0.2]), /precisionRecallCurve: .*no positive \(1\) rows/);
});
