import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { stratifiedFolds } from '../data/profile/stratified-folds.js';
import { fitHighCardinality, HighCardinalityEncoder } from './high-cardinality.js';
import { placeholderSet } from './normalize-value.js';
import { encodeBlock, leadInput } from './test-support/lead-input.js';

const rng = new Rng(4);
const rows = 2000;
const companies = Array.from({ length: rows }, () => (rng.bernoulli(0.05) ? null : `Company ${rng.int(300)}`));
const labels = Int8Array.from(companies, (c) =>
  c !== null && Number(c.slice(8)) < 30 ? (rng.bernoulli(0.6) ? 1 : 0) : rng.bernoulli(0.05) ? 1 : 0,
);
const folds = stratifiedFolds(labels, 5, 1);
const fitted = fitHighCardinality('company', false, companies, {
  methods: ['target', 'frequency'],
  smoothing: 10,
  hashBuckets: 8,
  folds,
  labels,
});

test("a training row's target encoding comes only from the other folds", () => {
  const { target } = fitted.encoding;
  for (const i of [0, 17, 523, 1999]) {
    const f = folds[i];
    let n = 0;
    let pos = 0;
    let levelN = 0;
    let levelPos = 0;
    for (let r = 0; r < rows; r++) {
      if (folds[r] === f) continue;
      n++;
      pos += labels[r];
      if (companies[r] === companies[i]) {
        levelN++;
        levelPos += labels[r];
      }
    }
    const stored = companies[i] === null || target!.levels.includes(companies[i]!);
    const expected = stored ? (levelPos + 10 * (pos / n)) / (levelN + 10) : pos / n;
    assert.ok(Math.abs(fitted.outOfFold![i] - expected) < 1e-12, `row ${i}: ${fitted.outOfFold![i]} vs ${expected}`);
  }
});

test("changing a row's own label leaves its out-of-fold encoding unchanged", () => {
  const flipped = Int8Array.from(labels);
  flipped[42] = 1 - flipped[42];
  const again = fitHighCardinality('company', false, companies, {
    methods: ['target'],
    smoothing: 10,
    hashBuckets: 8,
    folds,
    labels: flipped,
  });
  assert.equal(again.outOfFold![42], fitted.outOfFold![42]);
});

test('new rows get the smoothed full-data rate; unseen levels the prior; frequency the level share', () => {
  const enc = new HighCardinalityEncoder(fitted.encoding, placeholderSet(['']));
  const t = fitted.encoding.target!;
  const k = t.levels.indexOf('Company 3');
  assert.deepEqual(encodeBlock(enc, leadInput({ company: 'Company 3' })), {
    company__target: t.means[k],
    company__frequency: fitted.encoding.frequency!.shares[fitted.encoding.frequency!.levels.indexOf('Company 3')],
  });
  assert.ok(t.means[k] > t.prior, 'a high-converting company encodes above the prior');
  assert.deepEqual(encodeBlock(enc, leadInput({ company: 'Brand New Ltd' })), {
    company__target: t.prior,
    company__frequency: 0,
  });
  assert.equal(encodeBlock(enc, leadInput({ company: '' })).company__target, t.missingMean);
});

test('feature hashing puts each level into one bucket with a sign, deterministically', () => {
  const hashed = fitHighCardinality('company', false, companies, {
    methods: ['hashing'],
    smoothing: 10,
    hashBuckets: 8,
    folds: null,
    labels: null,
  });
  assert.deepEqual(hashed.encoding.hashing, { buckets: 8 });
  assert.equal(hashed.outOfFold, null);
  const enc = new HighCardinalityEncoder(hashed.encoding, placeholderSet(['']));
  const a = Object.values(encodeBlock(enc, leadInput({ company: 'Acme' })));
  assert.equal(a.filter((v) => v !== 0).length, 1);
  assert.equal(Math.abs(a.find((v) => v !== 0)!), 1);
  assert.deepEqual(Object.values(encodeBlock(enc, leadInput({ company: 'Acme' }))), a);
  assert.ok(Object.values(encodeBlock(enc, leadInput({ company: null }))).every((v) => v === 0));
});
