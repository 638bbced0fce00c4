import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../core/errors.js';
import { classWeights } from './class-weights.js';

test("classWeights: 'balanced' weighs class k by n / (K · nₖ), as scikit-learn does", () => {
  const { perClass, sampleWeight } = classWeights([0, 0, 0, 1], 'balanced');
  assert.deepEqual(Array.from(perClass), [4 / 6, 2]);
  assert.deepEqual(Array.from(sampleWeight), [4 / 6, 4 / 6, 4 / 6, 2]);
});

test("classWeights: 'balanced' gives every class the same total weight", () => {
  const y = [0, 0, 0, 0, 0, 0, 1, 2, 2, 2];
  const { sampleWeight } = classWeights(y, 'balanced');
  const totals = [0, 0, 0];
  y.forEach((c, i) => {
    totals[c] += sampleWeight[i];
  });
  for (const t of totals) assert.ok(Math.abs(t - 10 / 3) < 1e-12);
});

test('classWeights: 90:1 weighting as a number, a map or an array', () => {
  const y = [0, 1, 0, 0];
  for (const spec of [90, { 0: 1, 1: 90 }, [1, 90]] as const) {
    const { perClass, sampleWeight } = classWeights(y, spec);
    assert.deepEqual(Array.from(perClass), [1, 90]);
    assert.deepEqual(Array.from(sampleWeight), [1, 90, 1, 1]);
  }
});

test('classWeights: classes a map does not name weigh 1, and sample weights multiply', () => {
  const { perClass, sampleWeight } = classWeights([0, 1, 2], { 2: 4 }, [1, 0.5, 2]);
  assert.deepEqual(Array.from(perClass), [1, 1, 4]);
  assert.deepEqual(Array.from(sampleWeight), [1, 0.5, 8]);
});

test('classWeights: refuses bad labels, weights and shapes', () => {
  assert.throws(() => classWeights([0, 1.5], 'balanced'), InputError);
  assert.throws(() => classWeights([], 'balanced'), InputError);
  assert.throws(() => classWeights([0, 1, 2], 90), /binary labels/);
  assert.throws(() => classWeights([0, 1], { 1: -2 }), ConfigError);
  assert.throws(() => classWeights([0, 1], [1, Number.NaN]), ConfigError);
  assert.throws(() => classWeights([0, 1], 'even' as never), ConfigError);
  assert.throws(() => classWeights([0, 1], 'balanced', [1]), InputError);
});
