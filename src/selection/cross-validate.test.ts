import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Resampled, Sampler } from '../core/estimator.js';
import type { Matrix } from '../core/matrix.js';
import { columnValues } from '../data/column-values.js';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { crossValidate, type ModelCandidate } from './cross-validate.js';
import { groupKFold } from './group-k-fold.js';
import { buildLeaderboard, chooseChampion, type LeaderboardRow, maxF1Threshold } from './leaderboard.js';
import { prepareFolds } from './prepare-folds.js';
import { RepeatedStratifiedKFold } from './repeated-stratified-k-fold.js';
import { StratifiedKFold } from './stratified-k-fold.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-cv-'));
after(() => rmSync(root, { recursive: true, force: true }));
await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 2000, seed: 13, positiveRate: 0.06 });
const data = loadDataset('builtin', { root });
const labels = datasetLabels(data);
const splits = new StratifiedKFold({ nSplits: 3, randomState: 2 }).split(labels);
const folds = prepareFolds(data, splits, { seed: 1 });
const lr: ModelCandidate = {
  key: 'lr',
  label: 'Logistic regression',
  standardize: true,
  make: () => new LogisticRegression({ C: 0.1 }),
};

test('the pipeline of each fold learned from its training leads only', () => {
  const companies = columnValues(data.leads, 'company') as string[];
  for (const fold of folds) {
    assert.equal(fold.pipeline!.spec.training.rows, fold.trainRows.length);
    const trainCompanies = new Set(Array.from(fold.trainRows, (r) => companies[r]));
    const encoded = fold.pipeline!.spec.columns.find((c) => c.column === 'company')!;
    const learned =
      encoded.type === 'highCardinality' ? (encoded.frequency?.levels ?? []) : encoded.type === 'oneHot' ? encoded.levels : [];
    assert.ok(learned.length > 0);
    for (const level of learned) assert.ok(trainCompanies.has(level), `"${level}" was learned from a test lead`);
    assert.equal(fold.testX.rows, fold.testRows.length);
  }
});

/** A sampler that records what it is given and duplicates the minority rows. */
class SpySampler implements Sampler {
  readonly kind = 'Spy';
  seen: Matrix[] = [];
  fitResample(X: Matrix, y: ArrayLike<number>): Resampled {
    this.seen.push(X);
    const extra = [...Array(y.length).keys()].filter((i) => y[i] === 1);
    const rows = [...Array(y.length).keys(), ...extra];
    return { X: X.selectRows(rows), y: Int32Array.from(rows, (i) => y[i]), sourceIndex: Int32Array.from(rows) };
  }
}

test('samplers see only the training part of each fold, never a test row', async () => {
  const spy = new SpySampler();
  const result = await crossValidate(lr, folds, { strategy: { key: 'spy', label: 'spy', sampler: () => spy }, seed: 3 });
  assert.equal(spy.seen.length, folds.length);
  folds.forEach((fold, f) => {
    assert.equal(spy.seen[f].rows, fold.trainRows.length);
    const testRowsSeen = fold.testX.rows;
    assert.notEqual(spy.seen[f].rows, testRowsSeen + fold.trainRows.length);
    assert.ok(result.folds[f].trainRows > fold.trainRows.length, 'the resampled part trained the model');
  });
  // The sampler gets the fold's own training matrix, before any scaling.
  const unscaled = new SpySampler();
  await crossValidate({ ...lr, standardize: false }, folds, { strategy: { key: 'spy', label: 'spy', sampler: () => unscaled } });
  folds.forEach((fold, f) => {
    assert.deepEqual(unscaled.seen[f].data, fold.trainX.data);
  });
});

test('every lead is scored once, out of fold, and the leaderboard summarizes the folds', async () => {
  const result = await crossValidate(lr, folds, { seed: 3 });
  assert.equal(result.oof.length, 2000);
  assert.ok(result.oof.every((p) => p >= 0 && p <= 1));
  assert.deepEqual(Array.from(result.oofLabels), Array.from(labels));
  assert.equal(result.folds.length, 3);
  const [row] = buildLeaderboard([result]);
  assert.ok(Math.abs(row.rocAuc.mean - result.folds.reduce((a, f) => a + f.rocAuc, 0) / 3) < 1e-12);
  assert.ok(row.threshold > 0 && row.threshold < 1);
  assert.ok(row.predictedPositiveRate.mean > 0 && row.predictedPositiveRate.mean < 1);
  const weighted = await crossValidate(lr, folds, {
    seed: 3,
    strategy: { key: 'w', label: 'weights', weights: (y) => Float64Array.from(y, (v) => (v ? 10 : 1)) },
  });
  assert.ok(
    weighted.oof.reduce((a, b) => a + b, 0) > result.oof.reduce((a, b) => a + b, 0),
    'class weights raise the predicted probabilities',
  );
});

test('the champion is the best row unless a simpler one is within one standard error', () => {
  const row = (model: string, mean: number, sd: number): LeaderboardRow => {
    const ms = { mean, sd };
    return {
      model,
      modelLabel: model,
      strategy: 'none',
      strategyLabel: 'none',
      rocAuc: ms,
      prAuc: ms,
      logLoss: ms,
      brier: ms,
      threshold: 0.5,
      f1: ms,
      precision: ms,
      recall: ms,
      predictedPositiveRate: ms,
      fitSeconds: ms,
      folds: 5,
    };
  };
  const close = chooseChampion([row('gbdt', 0.9, 0.01), row('lr', 0.897, 0.01)]);
  assert.equal(close.champion.model, 'lr');
  assert.match(close.reason, /within one standard error/);
  const far = chooseChampion([row('gbdt', 0.9, 0.01), row('lr', 0.85, 0.01)]);
  assert.equal(far.champion.model, 'gbdt');
});

test('maxF1Threshold picks the score that maximizes F1', () => {
  const y = Uint8Array.from([1, 1, 0, 1, 0, 0]);
  const s = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.2, 0.1]);
  assert.equal(maxF1Threshold(y, s), 0.6);
});

test('group k-fold never splits a company; repeated k-fold repeats with new shuffles', () => {
  const companies = columnValues(data.leads, 'company');
  for (const { train, test: held } of groupKFold(companies, 4)) {
    const inTrain = new Set(Array.from(train, (r) => companies[r]).filter((c) => c !== null));
    for (const r of held) if (companies[r] !== null) assert.ok(!inTrain.has(companies[r]));
  }
  const repeated = new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2, randomState: 1 }).split(labels);
  assert.equal(repeated.length, 6);
  assert.notDeepEqual(repeated[0].test, repeated[3].test);
});
