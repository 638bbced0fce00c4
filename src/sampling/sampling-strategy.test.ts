import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../core/errors.js';
import { assertSamplingStrategy, resolveSamplingStrategy } from './sampling-strategy.js';

const WHO = 'test';

test("resolveSamplingStrategy: 'auto' over-samples every class but the majority up to the majority", () => {
  assert.deepEqual(resolveSamplingStrategy('auto', [90, 10, 30], 'over', WHO), [90, 90, 90]);
});

test("resolveSamplingStrategy: 'auto' under-samples every class but the minority down to the minority", () => {
  assert.deepEqual(resolveSamplingStrategy('auto', [90, 10, 30], 'under', WHO), [10, 10, 10]);
});

test('resolveSamplingStrategy: a ratio is minority ÷ majority after resampling, truncated like imbalanced-learn', () => {
  // Over: ⌊900 · 0.25 − 10⌋ = 215 new rows; under: ⌊10 / 0.25⌋ = 40 kept.
  assert.deepEqual(resolveSamplingStrategy(0.25, [900, 10], 'over', WHO), [900, 225]);
  assert.deepEqual(resolveSamplingStrategy(0.25, [900, 10], 'under', WHO), [40, 10]);
  assert.deepEqual(resolveSamplingStrategy(1 / 3, [10, 900], 'under', WHO), [10, 30]);
});

test('resolveSamplingStrategy: a map sets the rows of the named classes and leaves the others', () => {
  assert.deepEqual(resolveSamplingStrategy({ 1: 50 }, [90, 10, 30], 'over', WHO), [90, 50, 30]);
  assert.deepEqual(resolveSamplingStrategy({ 0: 20, 2: 5 }, [90, 10, 30], 'under', WHO), [20, 10, 5]);
});

test('resolveSamplingStrategy: on tied counts the lowest class is the majority (minority)', () => {
  assert.deepEqual(resolveSamplingStrategy('not majority', [15, 15, 10], 'over', WHO), [15, 15, 15]);
  assert.deepEqual(resolveSamplingStrategy('majority', [15, 15, 10], 'under', WHO), [10, 15, 10]);
  assert.deepEqual(resolveSamplingStrategy('not minority', [10, 15, 10], 'under', WHO), [10, 10, 10]);
});

test('resolveSamplingStrategy: absent classes stay at zero rows', () => {
  assert.deepEqual(resolveSamplingStrategy('auto', [0, 40, 10], 'over', WHO), [0, 40, 40]);
  assert.deepEqual(resolveSamplingStrategy('all', [0, 40, 10], 'under', WHO), [0, 10, 10]);
});

test('resolveSamplingStrategy: refuses ratios and maps that go the wrong way, with the numbers', () => {
  assert.throws(
    () => resolveSamplingStrategy(0.05, [900, 100], 'over', WHO),
    /ratio 0\.05 asks for 45 rows of class 1, which already has 100/,
  );
  assert.throws(() => resolveSamplingStrategy(0.05, [100, 10], 'under', WHO), /200 rows of class 0, which has only 100/);
  assert.throws(() => resolveSamplingStrategy({ 1: 5 }, [90, 10], 'over', WHO), /cannot shrink class 1 from 10 to 5/);
  assert.throws(() => resolveSamplingStrategy({ 0: 95 }, [90, 10], 'under', WHO), /cannot grow class 0 from 90 to 95/);
  assert.throws(() => resolveSamplingStrategy({ 3: 5 }, [90, 10], 'over', WHO), InputError);
  assert.throws(() => resolveSamplingStrategy(0.5, [90, 10, 5], 'over', WHO), /needs binary labels/);
});

test('assertSamplingStrategy: refuses unknown names, ratios outside (0, 1] and bad maps with a ConfigError', () => {
  assert.throws(() => assertSamplingStrategy('most' as never, 'over', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy('majority', 'over', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy('minority', 'under', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy(0, 'over', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy(1.5, 'under', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy({ 1: 2.5 }, 'over', WHO), ConfigError);
  assert.throws(() => assertSamplingStrategy({ 1: -1 }, 'over', WHO), ConfigError);
  assertSamplingStrategy('minority', 'over', WHO);
  assertSamplingStrategy(1, 'under', WHO);
});
