import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { assessTrainingData } from './assess-training-data.js';

const labelsWith = (conversions: number, rows: number) => Array.from({ length: rows }, (_, i) => (i < conversions ? 1 : 0));

test('assessTrainingData passes data with at least minPerClass of each class', () => {
  const result = assessTrainingData(labelsWith(100, 300));
  assert.deepEqual([result.status, result.ok, result.folds, result.showConfidenceIntervals], ['ok', true, 5, false]);
  assert.deepEqual([result.conversions, result.nonConversions, result.rows], [100, 200, 300]);
  assert.equal(result.message, '100 conversions and 200 non-converted leads: enough to train and cross-validate with 5 folds');
});

test('assessTrainingData warns below minPerClass, naming the counts and what was done', () => {
  const result = assessTrainingData(labelsWith(23, 500), { minPerClass: 40 });
  assert.deepEqual([result.status, result.ok, result.folds, result.showConfidenceIntervals], ['warning', false, 3, true]);
  assert.equal(
    result.message,
    'only 23 conversions: fewer than 40 per class; metrics will be unstable, cross-validation falls back to 3 folds, confidence intervals are shown',
  );
  assert.deepEqual(result.actions, [
    'cross-validate with 3 folds',
    'show confidence intervals',
    'label more leads for stable metrics',
  ]);
  assert.match(assessTrainingData(labelsWith(480, 500)).message, /^only 20 non-converted leads: fewer than 40 per class/);
});

test('assessTrainingData stops data that cannot be cross-validated', () => {
  const two = assessTrainingData(labelsWith(2, 500));
  assert.deepEqual([two.status, two.folds], ['error', 0]);
  assert.equal(
    two.message,
    'only 2 conversions: at least 3 per class are needed to cross-validate (40 recommended); label more leads before training',
  );
  assert.equal(
    assessTrainingData(labelsWith(0, 50)).message,
    'no conversions among 50 leads: a model needs both converted and non-converted leads',
  );
  assert.equal(assessTrainingData([]).status, 'error');
});

test('assessTrainingData names bad labels and options', () => {
  assert.throws(
    () => assessTrainingData([0, 2]),
    (e: unknown) => e instanceof InputError && /label at row 1 is 2/.test(e.message),
  );
  assert.throws(() => assessTrainingData([0, 1], { minPerClass: 0 }), /minPerClass is 0/);
  assert.throws(() => assessTrainingData([0, 1], { folds: 1 }), /folds is 1; it must be a whole number ≥ 2/);
});
