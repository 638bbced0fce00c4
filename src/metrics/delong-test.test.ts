import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { delongTest, midranks } from './delong-test.js';
import { normalCdf, normalQuantile, normalSf } from './normal-distribution.js';
import { rocAuc } from './roc-auc.js';

test('midranks gives tied values their mean rank', () => {
  assert.deepEqual([...midranks([3, 1, 3, 2, 3])], [4, 1, 4, 2, 4]);
});

test('delongTest on a hand-computed case: AUCs 0.75 and 1 with the kernel variances', () => {
  // Positives (0.35, 0.8), negatives (0.1, 0.4). A: V10 = (0.5, 1), V01 = (1, 0.5); B: all ones.
  const r = delongTest([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], [0.2, 0.3, 0.6, 0.5]);
  assert.equal(r.aucA, 0.75);
  assert.equal(r.aucB, 1);
  assert.equal(r.varianceA, 0.125 / 2 + 0.125 / 2);
  assert.equal(r.varianceB, 0);
  assert.equal(r.covariance, 0);
  assert.ok(Math.abs(r.z - -0.25 / Math.sqrt(0.125)) < 1e-15);
});

test('delongTest AUCs equal rocAuc, ties included, and swapping the models flips z only', () => {
  const rng = new Rng(12);
  const labels = Array.from({ length: 300 }, () => (rng.bernoulli(0.4) ? 1 : 0));
  const a = labels.map((y) => Math.round((y + rng.normal()) * 4) / 4);
  const b = labels.map((y) => 0.5 * y + rng.normal());
  const ab = delongTest(labels, a, b);
  const ba = delongTest(labels, b, a);
  assert.ok(Math.abs(ab.aucA - rocAuc(labels, a)) < 1e-12);
  assert.ok(Math.abs(ab.aucB - rocAuc(labels, b)) < 1e-12);
  assert.ok(Math.abs(ab.z + ba.z) < 1e-12);
  assert.ok(Math.abs(ab.pValue - ba.pValue) < 1e-12);
  assert.ok(ab.low < ab.difference && ab.difference < ab.high);
});

test('delongTest of a score against itself has no difference and p-value 1', () => {
  const r = delongTest([0, 1, 0, 1, 1, 0], [0.1, 0.7, 0.4, 0.3, 0.9, 0.2], [0.1, 0.7, 0.4, 0.3, 0.9, 0.2]);
  assert.deepEqual([r.difference, r.standardError, r.z, r.pValue], [0, 0, 0, 1]);
});

test('delongTest p-values are uniform-ish under the null: about 5% below 0.05', () => {
  const rng = new Rng(99);
  let rejections = 0;
  const trials = 300;
  for (let t = 0; t < trials; t++) {
    const labels = Array.from({ length: 120 }, () => (rng.bernoulli(0.5) ? 1 : 0));
    const base = labels.map((y) => y + rng.normal());
    const a = base.map((s) => s + rng.normal());
    const b = base.map((s) => s + rng.normal());
    if (delongTest(labels, a, b).pValue < 0.05) rejections++;
  }
  assert.ok(rejections / trials > 0.01 && rejections / trials < 0.1, `rejection rate ${rejections / trials}`);
});

test('delongTest names the bad argument', () => {
  assert.throws(() => delongTest([0, 1, 1], [0.1, 0.2, 0.3], [0.1, 0.2]), /delongTest: 3 labels but 2 scoresB/);
  assert.throws(() => delongTest([0, 1, 1], [0.1, 0.2, 0.3], [0.1, 0.2, 0.3]), /at least 2 positive and 2 negative rows/);
  assert.throws(() => delongTest([0, 1], [0.1, 0.2], [0.1, 0.2], { alpha: 0 }), /alpha is 0/);
});

test('normal distribution: known values, symmetry and quantile round trip', () => {
  assert.equal(normalCdf(0), 0.5);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-14);
  assert.ok(Math.abs(normalSf(1.959963984540054) - 0.025) < 1e-15);
  for (const x of [-6, -2.2, -0.7, 0.1, 1.3, 2.6, 4.5]) {
    assert.ok(Math.abs(normalCdf(x) + normalSf(x) - 1) < 1e-15);
    assert.ok(Math.abs(normalQuantile(normalCdf(x)) - x) < 1e-9);
  }
  assert.throws(() => normalQuantile(1), /p is 1/);
});
