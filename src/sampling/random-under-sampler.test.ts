import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { RandomUnderSampler } from './random-under-sampler.js';
import { makeSamplerData, runSamplerContract } from './test-support/sampler-contract.js';

runSamplerContract('RandomUnderSampler', { make: () => new RandomUnderSampler(), expectedCounts: [20, 20] });
runSamplerContract('RandomUnderSampler (ratio 0.5)', {
  make: () => new RandomUnderSampler({ samplingStrategy: 0.5 }),
  expectedCounts: [40, 20],
});
runSamplerContract('RandomUnderSampler (with replacement)', {
  make: () => new RandomUnderSampler({ samplingStrategy: { 0: 30 }, replacement: true }),
  expectedCounts: [30, 20],
});

test('RandomUnderSampler: keeps every minority row, distinct majority rows, in input order', () => {
  const { X, y } = makeSamplerData();
  const out = new RandomUnderSampler().fitResample(X, y, new Rng(1));
  const src = Array.from(out.sourceIndex);
  assert.deepEqual(
    src.filter((i) => y[i] === 1),
    [...y.keys()].filter((i) => y[i] === 1),
  );
  assert.equal(new Set(src).size, src.length);
  assert.deepEqual(
    src,
    [...src].sort((a, b) => a - b),
  );
});

test('RandomUnderSampler: different seeds keep different rows; every majority row can be drawn', () => {
  const { X, y } = makeSamplerData();
  const a = new RandomUnderSampler().fitResample(X, y, new Rng(1)).sourceIndex;
  const b = new RandomUnderSampler().fitResample(X, y, new Rng(2)).sourceIndex;
  assert.notDeepEqual(a, b);
  const drawn = new Set<number>();
  for (let seed = 0; seed < 60; seed++)
    for (const i of new RandomUnderSampler().fitResample(X, y, new Rng(seed)).sourceIndex) drawn.add(i);
  assert.equal(drawn.size, X.rows);
});

test('RandomUnderSampler: NaN in X is copied, not refused', () => {
  const X = Matrix.fromRows([[Number.NaN], [1], [2], [3]]);
  const out = new RandomUnderSampler().fitResample(X, [1, 0, 0, 0], new Rng(1));
  assert.ok(Number.isNaN(out.X.get(0, 0)));
  assert.deepEqual(Array.from(out.y), [1, 0]);
});

test('RandomUnderSampler: params are a plain object and bad strategies are refused at construction', () => {
  assert.deepEqual(new RandomUnderSampler().params, { samplingStrategy: 'auto', replacement: false });
  assert.throws(() => new RandomUnderSampler({ samplingStrategy: 'minority' }), ConfigError);
});
