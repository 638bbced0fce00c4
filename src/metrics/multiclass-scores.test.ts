import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../core/matrix.js';
import { accuracyScore, balancedAccuracyScore } from './accuracy.js';
import { cohenKappaScore } from './cohen-kappa.js';
import { confusionMatrix } from './confusion-matrix.js';
import { multiClassLogLoss } from './log-loss.js';
import {
  multiClassF1,
  multiClassFBeta,
  multiClassPrecision,
  multiClassRecall,
  precisionRecallFScoreSupport,
} from './multiclass-scores.js';

// scikit-learn's documented example: cat = 0, dog = 1, pig = 2.
const LABELS = [0, 1, 2, 0, 1, 2];
const PREDICTED = [0, 2, 1, 0, 0, 1];

const near = (a: number, b: number) => Math.abs(a - b) < 1e-15;

test('multi-class averages reproduce scikit-learn’s documented example', () => {
  assert.ok(near(multiClassPrecision(LABELS, PREDICTED), 2 / 9));
  assert.ok(near(multiClassRecall(LABELS, PREDICTED), 1 / 3));
  assert.ok(near(multiClassF1(LABELS, PREDICTED), 0.8 / 3));
  for (const f of [multiClassPrecision, multiClassRecall, multiClassF1]) {
    assert.ok(near(f(LABELS, PREDICTED, { average: 'micro' }), 1 / 3));
    assert.ok(near(f(LABELS, PREDICTED, { average: 'weighted' }), f(LABELS, PREDICTED)));
  }
  const per = precisionRecallFScoreSupport(LABELS, PREDICTED, { classes: [2, 1, 0] });
  assert.deepEqual(per.classes, [2, 1, 0]);
  assert.deepEqual(per.recall, [0, 0, 1]);
  assert.deepEqual(per.support, [2, 2, 2]);
});

test('micro-averaged precision, recall and F1 all equal accuracy when every class is scored', () => {
  const labels = [0, 1, 2, 2, 1, 0, 3, 3, 1];
  const predicted = [0, 2, 2, 1, 1, 0, 3, 0, 1];
  const acc = accuracyScore(labels, predicted);
  for (const f of [multiClassPrecision, multiClassRecall, multiClassF1])
    assert.ok(near(f(labels, predicted, { average: 'micro' }), acc));
  assert.ok(near(multiClassFBeta(labels, predicted, 3, { average: 'micro' }), acc));
});

test('multi-class confusion matrix, balanced accuracy and weighted kappa on a hand-checked case', () => {
  assert.deepEqual(confusionMatrix(LABELS, PREDICTED).counts, [
    [2, 0, 0],
    [1, 0, 1],
    [0, 2, 0],
  ]);
  assert.ok(near(balancedAccuracyScore(LABELS, PREDICTED), 1 / 3));
  // Perfect ordinal agreement gives kappa 1 whatever the weights.
  for (const weights of [undefined, 'linear', 'quadratic'] as const)
    assert.equal(cohenKappaScore([0, 1, 2, 2], [0, 1, 2, 2], { weights }), 1);
});

test('multiClassLogLoss of uniform probabilities is log K', () => {
  const probs = Matrix.fromRows([
    [0.25, 0.25, 0.25, 0.25],
    [0.25, 0.25, 0.25, 0.25],
  ]);
  assert.ok(near(multiClassLogLoss([0, 3], probs), Math.log(4)));
});

test('multi-class metrics name the bad argument', () => {
  assert.throws(() => multiClassF1(LABELS, PREDICTED, { average: 'samples' as 'macro' }), /multiClassF1: average is "samples"/);
  assert.throws(() => multiClassPrecision([0, -1], [0, 0]), /label at row 1 is -1/);
  assert.throws(
    () =>
      multiClassLogLoss(
        [0, 2],
        Matrix.fromRows([
          [0.5, 0.5],
          [0.5, 0.5],
        ]),
      ),
    /label at row 1 is 2, but the probability matrix has only classes 0..1/,
  );
  assert.throws(() => multiClassLogLoss([0], Matrix.fromRows([[0.5, Number.NaN]])), /probability at row 0, class 1 is NaN/);
});
