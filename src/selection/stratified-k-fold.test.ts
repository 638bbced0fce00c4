import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StratifiedKFold } from './stratified-k-fold.js';

test('StratifiedKFold keeps the class ratio in every fold and uses every row once as test', () => {
  const y = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const folds = new StratifiedKFold({ nSplits: 5, randomState: 1 }).split(y);
  const seen = new Uint8Array(y.length);
  for (const { train, test: held } of folds) {
    assert.equal(train.length + held.length, y.length);
    assert.equal(held.filter((i) => y[i] === 1).length, 20);
    for (const i of held) seen[i]++;
  }
  assert.ok(seen.every((c) => c === 1));
});

test('StratifiedKFold is reproducible for a seed and differs across seeds', () => {
  const y = Array.from({ length: 200 }, (_, i) => i % 3) as number[];
  const a = new StratifiedKFold({ randomState: 4 }).assign(y);
  assert.deepEqual(a, new StratifiedKFold({ randomState: 4 }).assign(y));
  assert.notDeepEqual(a, new StratifiedKFold({ randomState: 5 }).assign(y));
});

test('StratifiedKFold refuses a class with fewer rows than folds', () => {
  assert.throws(
    () => new StratifiedKFold({ nSplits: 5 }).assign([0, 0, 0, 0, 0, 0, 1, 1]),
    /class 1 has 2 rows, fewer than nSplits = 5/,
  );
});
