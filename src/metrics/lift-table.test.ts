import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { ksStatistic } from './ks-statistic.js';
import { liftTable } from './lift-table.js';
import { topK, topKPrecision, topKRecall } from './top-k.js';

test('liftTable on a hand-computed ranking: halves with 3 and 1 of 4 positives', () => {
  const labels = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0];
  const scores = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
  const { buckets, baseRate } = liftTable(labels, scores, { nBuckets: 2 });
  assert.equal(baseRate, 0.4);
  const expected = [
    [5, 3, 0.6, 1.5, 0.75, 1.5],
    [5, 1, 0.2, 0.5, 1, 1],
  ];
  buckets.forEach((b, k) => {
    const got = [b.leads, b.positives, b.rate, b.lift, b.cumulativeGain, b.cumulativeLift];
    for (const [j, v] of got.entries()) assert.ok(Math.abs(v - expected[k][j]) < 1e-15, `bucket ${k + 1} column ${j}: ${v}`);
  });
  assert.deepEqual([buckets[0].maxScore, buckets[0].minScore, buckets[1].maxScore, buckets[1].minScore], [1, 0.6, 0.5, 0.1]);
});

test('liftTable shares the positives of a tie that straddles a bucket edge', () => {
  // Ranks 1–3 hold 0.5, 0.5, 0.5 with one positive among them; the first bucket takes two of the three.
  const labels = [1, 1, 0, 0, 0, 1];
  const scores = [0.9, 0.5, 0.5, 0.5, 0.1, 0.1];
  const { buckets } = liftTable(labels, scores, { nBuckets: 2 });
  assert.ok(Math.abs(buckets[0].positives - (1 + 2 / 3)) < 1e-15);
  assert.ok(Math.abs(buckets[1].positives - (1 / 3 + 1)) < 1e-15);
});

test('liftTable does not depend on row order, and cumulative gains end at 100%', () => {
  const rng = new Rng(21);
  const labels = Array.from({ length: 503 }, () => (rng.bernoulli(0.2) ? 1 : 0));
  const scores = labels.map((y) => Math.round((y * 0.3 + rng.next()) * 10) / 10);
  const a = liftTable(labels, scores);
  const order = rng.permutation(labels.length);
  const b = liftTable(
    Array.from(order, (i) => labels[i]),
    Array.from(order, (i) => scores[i]),
  );
  for (const [k, row] of a.buckets.entries()) assert.ok(Math.abs(row.positives - b.buckets[k].positives) < 1e-12);
  assert.equal(a.buckets.at(-1)?.cumulativeGain, 1);
  assert.equal(a.buckets.at(-1)?.cumulativeLeads, 503);
  assert.deepEqual(
    a.buckets.map((r) => r.leads),
    [50, 50, 50, 51, 50, 50, 51, 50, 50, 51],
  );
  for (let k = 1; k < a.buckets.length; k++) assert.ok(a.buckets[k].cumulativeGain >= a.buckets[k - 1].cumulativeGain);
});

test('the lift of a random score is about 1 in every decile', () => {
  const rng = new Rng(5);
  const labels = Array.from({ length: 40000 }, () => (rng.bernoulli(0.25) ? 1 : 0));
  const scores = labels.map(() => rng.next());
  for (const row of liftTable(labels, scores).buckets) {
    assert.ok(Math.abs(row.lift - 1) < 0.08, `decile ${row.bucket} lift ${row.lift}`);
    assert.ok(Math.abs(row.cumulativeGain - row.cumulativeLeadShare) < 0.03);
  }
});

test('topK counts positives among the k highest scores, ties in proportion', () => {
  const labels = [1, 0, 1, 1, 0, 0];
  const scores = [0.9, 0.8, 0.4, 0.4, 0.4, 0.1];
  assert.deepEqual(topK(labels, scores, 2), { k: 2, positives: 1, precision: 0.5, recall: 1 / 3 });
  // Rank 3 is one of three rows tied at 0.4 holding two positives: 2/3 of a positive.
  assert.ok(Math.abs(topKPrecision(labels, scores, 3) - (1 + 2 / 3) / 3) < 1e-15);
  assert.equal(topKRecall(labels, scores, 5), 1);
});

test('ksStatistic finds the largest TPR − FPR and the highest threshold reaching it', () => {
  const ks = ksStatistic([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(ks, { statistic: 0.5, threshold: 0.8, tpr: 0.5, fpr: 0 });
  assert.equal(ksStatistic([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]).statistic, 1);
  // A score ranking every negative first never beats predicting nobody.
  assert.equal(ksStatistic([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]).statistic, 0);
});

test('ranking metrics name the bad argument', () => {
  assert.throws(
    () => liftTable([0, 1], [0.1, 0.2], { nBuckets: 3 }),
    /liftTable: nBuckets is 3; it must be a whole number from 1 to the number of rows \(2\)/,
  );
  assert.throws(() => liftTable([0, 0], [0.1, 0.2], { nBuckets: 2 }), /liftTable: only one class/);
  assert.throws(() => topK([0, 1], [0.1, 0.2], 0), /topK: k is 0/);
  assert.throws(() => topK([0, 1], [0.1, 0.2], 1.5), /topK: k is 1.5/);
  assert.throws(() => ksStatistic([0, 1, 1], [0.1, 0.2]), /ksStatistic: 3 labels but 2 scores/);
});
