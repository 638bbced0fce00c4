import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../../core/errors.js';
import { normalizedRowWeights, perClassWeights } from './class-weight.js';

const labels = Int32Array.of(0, 0, 0, 1);

test('perClassWeights: balanced is n / (K · nₖ); objects and arrays set some or all classes', () => {
  assert.deepEqual(Array.from(perClassWeights('balanced', labels, 2, 'm')), [4 / 6, 2]);
  assert.deepEqual(Array.from(perClassWeights({ 1: 3 }, labels, 2, 'm')), [1, 3]);
  assert.deepEqual(Array.from(perClassWeights({ '0': 0.5 } as never, labels, 2, 'm')), [0.5, 1], 'JSON keys are strings');
  assert.deepEqual(Array.from(perClassWeights([2, 3], labels, 2, 'm')), [2, 3]);
  assert.deepEqual(Array.from(perClassWeights(null, labels, 2, 'm')), [1, 1]);
  assert.throws(() => perClassWeights({ 2: 1 }, labels, 2, 'm'), ConfigError);
  assert.throws(() => perClassWeights([1, Number.NaN], labels, 2, 'm'), ConfigError);
});

test('normalizedRowWeights: mean 1, exactly 1 per row without weights, and a constant factor cancels', () => {
  const none = normalizedRowWeights(labels, Float64Array.of(1, 1), undefined, 'm');
  assert.deepEqual(Array.from(none), [1, 1, 1, 1]);
  assert.deepEqual(normalizedRowWeights(labels, Float64Array.of(1, 1), [1, 1, 1, 1], 'm'), none);
  const weighted = normalizedRowWeights(labels, Float64Array.of(1, 3), [1, 1, 2, 1], 'm');
  assert.deepEqual(Array.from(weighted), [4 / 7, 4 / 7, 8 / 7, 12 / 7]);
  assert.deepEqual(normalizedRowWeights(labels, Float64Array.of(1, 3), [4, 4, 8, 4], 'm'), weighted);
  assert.throws(() => normalizedRowWeights(labels, Float64Array.of(1, 1), [0, 0, 0, 0], 'm'), InputError);
});
