import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { RandomOverSampler } from './random-over-sampler.js';
import { makeSamplerData, runSamplerContract } from './test-support/sampler-contract.js';

runSamplerContract('RandomOverSampler', { make: () => new RandomOverSampler(), expectedCounts: [100, 100] });
runSamplerContract('RandomOverSampler (map)', {
  make: () => new RandomOverSampler({ samplingStrategy: { 1: 45 } }),
  expectedCounts: [100, 45],
});

test('RandomOverSampler: the input rows come first, then copies of minority rows', () => {
  const { X, y } = makeSamplerData();
  const out = new RandomOverSampler().fitResample(X, y, new Rng(1));
  for (let i = 0; i < X.rows; i++) assert.equal(out.sourceIndex[i], i);
  for (let r = X.rows; r < out.X.rows; r++) {
    assert.equal(y[out.sourceIndex[r]], 1);
    assert.equal(out.y[r], 1);
  }
});

test('RandomOverSampler: copies are drawn uniformly with replacement', () => {
  const X = Matrix.fromRows(Array.from({ length: 1004 }, (_, i) => [i]));
  const y = Int32Array.from({ length: 1004 }, (_, i) => (i < 4 ? 1 : 0));
  const out = new RandomOverSampler().fitResample(X, y, new Rng(3));
  const hits = [0, 0, 0, 0];
  for (let r = X.rows; r < out.X.rows; r++) hits[out.sourceIndex[r]]++;
  assert.equal(
    hits.reduce((a, b) => a + b),
    996,
  );
  for (const h of hits) assert.ok(h > 200 && h < 300, `a minority row was copied ${h} times (expected ~249)`);
});

test('RandomOverSampler: multi-class auto brings every class to the majority count', () => {
  const y = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 2]);
  const X = Matrix.fromRows(Array.from(y, (_, i) => [i]));
  const out = new RandomOverSampler().fitResample(X, y, new Rng(1));
  assert.deepEqual(
    [0, 1, 2].map((c) => out.y.filter((v) => v === c).length),
    [5, 5, 5],
  );
});

test('RandomOverSampler: params are a plain object and bad strategies are refused at construction', () => {
  assert.deepEqual(new RandomOverSampler({ samplingStrategy: 0.5 }).params, { samplingStrategy: 0.5 });
  assert.throws(() => new RandomOverSampler({ samplingStrategy: 'majority' }), ConfigError);
});
