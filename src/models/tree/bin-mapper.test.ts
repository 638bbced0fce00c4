import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from './bin-mapper.js';

test('BinMapper gives each of few distinct values its own bin, cut at midpoints', () => {
  const X = Matrix.fromColumns([[3, 1, 2, 1, 3, 3]]);
  const mapper = BinMapper.fit(X, 255);
  assert.deepEqual(Array.from(mapper.upper[0]), [1.5, 2.5]);
  assert.deepEqual(
    [1, 2, 3, 0.5, 10].map((v) => mapper.binOf(0, v)),
    [0, 1, 2, 0, 2],
  );
});

test('BinMapper puts missing values in their own bin after the value bins', () => {
  const X = Matrix.fromColumns([[0, Number.NaN, 1, Number.NaN]]);
  const mapper = BinMapper.fit(X, 255);
  assert.equal(mapper.valueBins(0), 2);
  assert.equal(mapper.binOf(0, Number.NaN), 2);
  assert.equal(mapper.binOf(0, 0), 0);
});

test('BinMapper never makes more than maxBins value bins and fills them about equally (quantiles)', () => {
  const rng = new Rng(3);
  const n = 10_000;
  const X = Matrix.fromColumns([Float64Array.from({ length: n }, () => rng.normal(0, 1))]);
  for (const maxBins of [2, 16, 255]) {
    const mapper = BinMapper.fit(X, maxBins);
    assert.ok(mapper.valueBins(0) <= maxBins, `${mapper.valueBins(0)} bins for maxBins ${maxBins}`);
    const counts = new Array(mapper.valueBins(0)).fill(0);
    for (let i = 0; i < n; i++) counts[mapper.binOf(0, X.data[i])]++;
    const expected = n / mapper.valueBins(0);
    for (const c of counts) assert.ok(Math.abs(c - expected) < 0.25 * expected + 2, `bin holds ${c}, expected about ${expected}`);
  }
});

test('BinMapper thresholds reproduce the bins: value ≤ threshold(bin) exactly when its bin ≤ bin', () => {
  const rng = new Rng(5);
  const X = Matrix.fromColumns([Float64Array.from({ length: 2000 }, () => Math.round(rng.normal(0, 50)) / 7)]);
  const mapper = BinMapper.fit(X, 32);
  for (let i = 0; i < X.rows; i++) {
    const v = X.data[i];
    const b = mapper.binOf(0, v);
    for (let t = 0; t < mapper.valueBins(0); t++) assert.equal(v <= mapper.threshold(0, t), b <= t);
  }
});

test('BinMapper refuses maxBins above 255', () => {
  assert.throws(() => BinMapper.fit(Matrix.fromColumns([[1, 2]]), 256), /maxBins/);
});

test('BinMapper keeps a heavily repeated value in one bin and spreads the other rows over the rest', () => {
  const rng = new Rng(8);
  const n = 20_000;
  const values = Float64Array.from({ length: n }, () => (rng.bernoulli(0.6) ? 0 : rng.normal(0, 1)));
  const mapper = BinMapper.fit(Matrix.fromColumns([values]), 255);
  assert.ok(mapper.valueBins(0) <= 255 && mapper.valueBins(0) > 100);
  const zeroBin = mapper.binOf(0, 0);
  assert.ok(mapper.threshold(0, zeroBin) > 0 && (zeroBin === 0 || mapper.threshold(0, zeroBin - 1) < 0), 'zero sits alone');
  const counts = new Array(mapper.valueBins(0)).fill(0);
  for (const v of values) counts[mapper.binOf(0, v)]++;
  const others = counts.filter((_, b) => b !== zeroBin);
  assert.ok(Math.max(...others) < (5 * (0.4 * n)) / others.length, 'no other bin swallows a big share');
});

test('BinMapper learns edges from a sample of rows when given one, and a column of only missing values has one empty value bin', () => {
  const rng = new Rng(9);
  const n = 5000;
  const X = Matrix.fromColumns([Float64Array.from({ length: n }, () => rng.normal(0, 1)), new Float64Array(n).fill(Number.NaN)]);
  const sample = Int32Array.from({ length: 500 }, (_, k) => k * 10);
  const mapper = BinMapper.fit(X, 255, sample);
  assert.equal(mapper.valueBins(0), 255);
  const sampled = Matrix.fromColumns([Float64Array.from(sample, (r) => X.get(r, 0))]);
  assert.deepEqual(mapper.upper[0], BinMapper.fit(sampled, 255).upper[0]);
  assert.equal(mapper.valueBins(1), 1);
  assert.equal(mapper.binOf(1, Number.NaN), 1);
});
