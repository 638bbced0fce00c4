import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averagePrecision } from './average-precision.js';
import { logLoss } from './log-loss.js';
import { rocAuc } from './roc-auc.js';

test('rocAuc is 1 for a perfect ranking, 0 for a reversed one and 0.5 for constant scores', () => {
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1);
  assert.equal(rocAuc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]), 0);
  assert.equal(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0.5);
});

test('rocAuc counts ties between a positive and a negative as one half (hand-computed)', () => {
  // pairs (pos, neg): (0.4 vs 0.1)=1, (0.4 vs 0.4)=0.5, (0.35 vs 0.1)=1, (0.35 vs 0.4)=0 → 2.5 / 4
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.4]), 0.625);
});

test('rocAuc with weights equals rocAuc on repeated rows', () => {
  const w = rocAuc([0, 1, 0, 1], [0.2, 0.3, 0.4, 0.9], [2, 1, 1, 3]);
  const r = rocAuc([0, 0, 1, 0, 1, 1, 1], [0.2, 0.2, 0.3, 0.4, 0.9, 0.9, 0.9]);
  assert.ok(Math.abs(w - r) < 1e-15);
});

test('rocAuc refuses a single class and mismatched lengths', () => {
  assert.throws(() => rocAuc([1, 1], [0.1, 0.2]), /only one class/);
  assert.throws(() => rocAuc([1, 0], [0.1]), /2 labels but 1 scores/);
});

test('averagePrecision matches the hand-computed step sum', () => {
  // sklearn example: y=[0,0,1,1], s=[0.1,0.4,0.35,0.8] → 0.8333…
  assert.ok(Math.abs(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) - 0.8333333333333333) < 1e-15);
});

test('logLoss matches the closed form and clips 0 and 1', () => {
  assert.ok(Math.abs(logLoss([1, 0], [0.8, 0.3]) - -(Math.log(0.8) + Math.log(0.7)) / 2) < 1e-15);
  assert.ok(Number.isFinite(logLoss([1, 0], [0, 1])));
});
