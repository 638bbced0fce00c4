import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Labels } from '../core/labels.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { averagePrecision } from './average-precision.js';
import { bootstrapCi } from './bootstrap-ci.js';
import { delongTest } from './delong-test.js';
import { multiClassLogLoss } from './log-loss.js';
import { pairedComparison } from './paired-comparison.js';
import { rocAuc } from './roc-auc.js';

function makeScores(n: number, seed: number) {
  const rng = new Rng(seed);
  const labels = Array.from({ length: n }, () => (rng.bernoulli(0.3) ? 1 : 0));
  const signal = labels.map((y) => y + rng.normal());
  const strong = signal.map((s) => s + 0.3 * rng.normal());
  const weak = signal.map((s) => 0.4 * s + rng.normal());
  return { labels, strong, weak };
}

const DATA = makeScores(400, 1);

test('bootstrapCi is reproducible by seed and changes with the seed', () => {
  const a = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 300, randomState: 7 });
  const b = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 300, randomState: 7 });
  const c = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 300, randomState: 8 });
  assert.deepEqual(a, b);
  assert.notEqual(a.low, c.low);
});

test('bootstrapCi brackets the estimate and its standard error agrees with DeLong’s', () => {
  const ci = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 600, randomState: 3, keepSamples: true });
  assert.equal(ci.estimate, rocAuc(DATA.labels, DATA.strong));
  assert.ok(ci.low < ci.estimate && ci.estimate < ci.high);
  assert.equal(ci.samples?.length, 600);
  assert.equal(ci.nFailed, 0);
  const delongSe = Math.sqrt(delongTest(DATA.labels, DATA.strong, DATA.weak).varianceA);
  assert.ok(Math.abs(ci.standardError / delongSe - 1) < 0.2, `bootstrap SE ${ci.standardError} vs DeLong ${delongSe}`);
  // A 50% interval sits inside the 95% one.
  const narrow = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 600, randomState: 3, alpha: 0.5 });
  assert.ok(ci.low < narrow.low && narrow.high < ci.high);
});

test('stratified resampling keeps the class counts of every resample', () => {
  const seen = new Set<number>();
  const countPositives = (labels: Labels) => {
    let k = 0;
    for (let i = 0; i < labels.length; i++) k += labels[i];
    seen.add(k);
    return k;
  };
  bootstrapCi(countPositives, DATA.labels, DATA.strong, { nBoot: 50 });
  assert.deepEqual([...seen], [DATA.labels.reduce<number>((a, b) => a + b, 0)]);
  seen.clear();
  bootstrapCi(countPositives, DATA.labels, DATA.strong, { nBoot: 50, stratified: false });
  assert.ok(seen.size > 5);
});

test('without stratification, resamples with one class are skipped and counted', () => {
  const labels = [1, 0, 0, 0, 0, 0, 0, 0];
  const scores = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
  const ci = bootstrapCi(averagePrecision, labels, scores, { nBoot: 200, stratified: false, randomState: 1 });
  assert.ok(ci.nFailed > 0 && ci.nBoot + ci.nFailed === 200);
  assert.throws(() => bootstrapCi(rocAuc, [1, 1], [0.1, 0.2], { nBoot: 5 }), /rocAuc: only one class/);
});

test('bootstrapCi resamples weights with their rows and a probability matrix row by row', () => {
  const weights = DATA.labels.map((_, i) => 1 + (i % 3));
  const weighted = bootstrapCi(rocAuc, DATA.labels, DATA.strong, { nBoot: 100, sampleWeight: weights });
  assert.equal(weighted.estimate, rocAuc(DATA.labels, DATA.strong, weights));
  const probs = Matrix.fromRows(DATA.strong.map((s) => [1 / (1 + Math.exp(s)), 1 / (1 + Math.exp(-s))]));
  const ci = bootstrapCi(multiClassLogLoss, DATA.labels, probs, { nBoot: 100 });
  assert.ok(ci.low < ci.estimate && ci.estimate < ci.high);
});

test('pairedComparison finds a clearly better model and calls identical models equal', () => {
  const better = pairedComparison(rocAuc, DATA.labels, DATA.strong, DATA.weak, { nBoot: 500, randomState: 2 });
  assert.ok(better.difference > 0 && better.low > 0, `interval ${better.low}..${better.high}`);
  assert.ok(better.pValue < 0.01);
  assert.equal(better.difference, better.estimateA - better.estimateB);
  const same = pairedComparison(rocAuc, DATA.labels, DATA.strong, DATA.strong, { nBoot: 100 });
  assert.deepEqual([same.difference, same.low, same.high, same.pValue], [0, 0, 0, 1]);
  const again = pairedComparison(rocAuc, DATA.labels, DATA.strong, DATA.weak, { nBoot: 500, randomState: 2 });
  assert.deepEqual(again, better);
});

test('pairedComparison p-value agrees in direction with DeLong on a small AUC difference', () => {
  const { labels, strong } = makeScores(300, 9);
  const rng = new Rng(4);
  const noisy = strong.map((s) => s + 0.6 * rng.normal());
  const boot = pairedComparison(rocAuc, labels, strong, noisy, { nBoot: 800, randomState: 5 });
  const delong = delongTest(labels, strong, noisy);
  assert.ok(Math.abs(boot.difference - delong.difference) < 1e-12);
  assert.ok(Math.abs(boot.pValue - delong.pValue) < 0.1, `bootstrap p ${boot.pValue}, DeLong p ${delong.pValue}`);
});

test('bootstrap functions name the bad argument', () => {
  assert.throws(() => bootstrapCi(rocAuc, [0, 1], [0.1], {}), /bootstrapCi: 2 labels but 1 scores/);
  assert.throws(() => bootstrapCi(rocAuc, [0, 1], [0.1, 0.2], { nBoot: 0 }), /nBoot is 0/);
  assert.throws(() => bootstrapCi(rocAuc, [0, 1], [0.1, 0.2], { alpha: 1.5 }), /alpha is 1.5/);
  assert.throws(() => pairedComparison(rocAuc, [0, 1], [0.1, 0.2], [0.3]), /pairedComparison: 2 labels but 1 scores/);
  assert.throws(() => bootstrapCi(rocAuc, [0, 1.5], [0.1, 0.2]), /label at row 1 is 1.5/);
});
