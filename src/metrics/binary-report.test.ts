import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracyScore, balancedAccuracyScore } from './accuracy.js';
import { binaryReport } from './binary-report.js';
import { f1Score, fBetaScore, precisionScore, predictedPositiveRate, recallScore, specificityScore } from './binary-scores.js';
import { cohenKappaScore } from './cohen-kappa.js';
import { binaryConfusion, confusionMatrix } from './confusion-matrix.js';
import { matthewsCorrcoef } from './matthews-corrcoef.js';

// tp = rows 0, 2, 7; fn = row 1; fp = row 3; tn = rows 4, 5, 6.
const LABELS = [1, 1, 1, 0, 0, 0, 0, 1];
const PREDICTED = [1, 0, 1, 1, 0, 0, 0, 1];

test('threshold metrics match a hand-computed 2 × 2 table (tp 3, fn 1, fp 1, tn 3)', () => {
  assert.deepEqual(binaryConfusion(LABELS, PREDICTED), { tn: 3, fp: 1, fn: 1, tp: 3 });
  assert.equal(accuracyScore(LABELS, PREDICTED), 0.75);
  assert.equal(precisionScore(LABELS, PREDICTED), 0.75);
  assert.equal(recallScore(LABELS, PREDICTED), 0.75);
  assert.equal(specificityScore(LABELS, PREDICTED), 0.75);
  assert.equal(f1Score(LABELS, PREDICTED), 0.75);
  assert.equal(fBetaScore(LABELS, PREDICTED, 2), 0.75);
  assert.equal(balancedAccuracyScore(LABELS, PREDICTED), 0.75);
  assert.equal(predictedPositiveRate(LABELS, PREDICTED), 0.5);
  // MCC = (3·3 − 1·1) / √(4·4·4·4) = 0.5; kappa = (0.75 − 0.5) / (1 − 0.5) = 0.5.
  assert.equal(matthewsCorrcoef(LABELS, PREDICTED), 0.5);
  assert.equal(cohenKappaScore(LABELS, PREDICTED), 0.5);
});

test('F-beta weighs recall above precision when beta > 1 (hand-computed)', () => {
  // tp 1, fp 0, fn 2: P = 1, R = 1/3; F2 = 5·(1/3) / (4 + 1/3) = 5/13, F0.5 = 1.25·(1/3) / (0.25 + 1/3) = 5/7.
  const labels = [1, 1, 1, 0];
  const predicted = [1, 0, 0, 0];
  assert.ok(Math.abs(fBetaScore(labels, predicted, 2) - 5 / 13) < 1e-15);
  assert.ok(Math.abs(fBetaScore(labels, predicted, 0.5) - 5 / 7) < 1e-15);
  assert.equal(fBetaScore(labels, predicted, Number.POSITIVE_INFINITY), 1 / 3);
});

test('ratios with a zero denominator are 0, as scikit-learn’s default, and never throw', () => {
  const labels = [0, 1, 0, 1];
  const none = [0, 0, 0, 0];
  assert.equal(precisionScore(labels, none), 0);
  assert.equal(f1Score(labels, none), 0);
  assert.equal(recallScore([0, 0], [1, 0]), 0);
  assert.equal(matthewsCorrcoef(labels, none), 0);
  assert.equal(cohenKappaScore(labels, none), 0);
});

test('cohenKappaScore is NaN when labels and predictions are all one class, as in scikit-learn', () => {
  assert.ok(Number.isNaN(cohenKappaScore([1, 1, 1], [1, 1, 1])));
});

test('integer sample weights equal repeated rows', () => {
  const labels = [1, 0, 1, 0, 1];
  const predicted = [1, 1, 0, 0, 1];
  const weights = [2, 1, 3, 1, 1];
  const repeat = <T>(values: T[]) => values.flatMap((v, i) => new Array<T>(weights[i]).fill(v));
  const a = binaryReport(labels, predicted, 0.5, { sampleWeight: weights });
  const b = binaryReport(repeat(labels), repeat(predicted), 0.5);
  assert.deepEqual(a, b);
});

test('binaryReport predicts positive at score ≥ threshold and agrees with each single metric', () => {
  const labels = [0, 0, 1, 1, 0, 1];
  const scores = [0.1, 0.5, 0.5, 0.9, 0.7, 0.2];
  const report = binaryReport(labels, scores, 0.5);
  const predicted = [0, 1, 1, 1, 1, 0];
  assert.deepEqual({ tn: report.tn, fp: report.fp, fn: report.fn, tp: report.tp }, binaryConfusion(labels, predicted));
  assert.equal(report.precision, precisionScore(labels, predicted));
  assert.equal(report.recall, recallScore(labels, predicted));
  assert.equal(report.mcc, matthewsCorrcoef(labels, predicted));
  assert.equal(report.kappa, cohenKappaScore(labels, predicted));
  assert.equal(report.fBeta, fBetaScore(labels, predicted, 2));
  assert.equal(report.positives, 3);
  assert.equal(report.negatives, 3);
});

test('confusionMatrix lists the classes present and honours an explicit class list', () => {
  assert.deepEqual(confusionMatrix([0, 0, 0], [0, 0, 0]), { classes: [0], counts: [[3]] });
  assert.deepEqual(confusionMatrix([0, 0, 0], [0, 0, 0], { classes: [0, 1] }), {
    classes: [0, 1],
    counts: [
      [3, 0],
      [0, 0],
    ],
  });
});

test('threshold metrics name the bad argument', () => {
  assert.throws(() => precisionScore([0, 1], [1]), /precisionScore: 2 labels but 1 predictions/);
  assert.throws(() => f1Score([0, 1], [1, 2]), /f1Score: prediction at row 1 is 2, expected 0 or 1/);
  assert.throws(() => recallScore([0, 0.5], [1, 1]), /recallScore: label at row 1 is 0.5, expected a class index/);
  assert.throws(() => accuracyScore([0, 1], [1, 1], [1, -1]), /accuracyScore: sample weight at row 1 is -1/);
  assert.throws(() => accuracyScore([0, 1], [1, 1], [0, 0]), /every sample weight is zero/);
  assert.throws(() => fBetaScore([0, 1], [1, 1], -1), /beta is -1/);
  assert.throws(() => binaryReport([0, 1], [0.2, 0.4], Number.NaN), /binaryReport: threshold is NaN/);
  assert.throws(() => cohenKappaScore([0, 1], [1, 1], { weights: 'cubic' as 'linear' }), /weights is "cubic"/);
  assert.throws(() => confusionMatrix([0, 1], [1, 1], { classes: [1, 1] }), /classes lists 1 twice/);
  assert.throws(() => accuracyScore([], []), /no rows/);
});
