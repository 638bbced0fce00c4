import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateSplit, stratifiedHoldout } from './train-test-split.js';

test('stratifiedHoldout keeps each class share, is seeded and covers every row once', () => {
  const y = Int32Array.from({ length: 1000 }, (_, i) => (i % 50 === 0 ? 1 : 0));
  const a = stratifiedHoldout(y, 0.2, 3);
  assert.equal(a.test.length, 200);
  assert.equal(Array.from(a.test).filter((i) => y[i] === 1).length, 4);
  assert.deepEqual(
    [...a.train, ...a.test].sort((p, q) => p - q),
    Array.from({ length: 1000 }, (_, i) => i),
  );
  assert.deepEqual(stratifiedHoldout(y, 0.2, 3), a);
  assert.notDeepEqual(stratifiedHoldout(y, 0.2, 4).test, a.test);
  assert.throws(() => stratifiedHoldout(y, 1.5), /testSize must be between 0 and 1/);
});

test('dateSplit trains on rows before the date and refuses rows without one', () => {
  const t = [1, 5, 3, 9, 7];
  assert.deepEqual(dateSplit(t, 5), { train: Int32Array.from([0, 2]), test: Int32Array.from([1, 3, 4]) });
  assert.throws(() => dateSplit([1, Number.NaN], 5), /row 2 has no date/);
  assert.throws(() => dateSplit([1, 2], 5), /no test rows/);
});
