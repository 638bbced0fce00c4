import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../../core/errors.js';
import type { IterationLogs } from '../../core/estimator.js';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { runClassifierContract } from '../../core/test-support/estimator-contract.js';
import { rocAuc } from '../../metrics/roc-auc.js';
import { RandomForestClassifier } from './random-forest-classifier.js';
import { accuracy, makeSyntheticLeads, withValue } from './test-support/synthetic-leads.js';

runClassifierContract('RandomForestClassifier', {
  make: (seed) => new RandomForestClassifier({ nEstimators: 20, randomState: seed }),
  allowsMissing: true,
});

runClassifierContract('RandomForestClassifier (shallow, half-size bootstrap, balanced_subsample)', {
  make: (seed) =>
    new RandomForestClassifier({
      nEstimators: 15,
      maxDepth: 4,
      maxSamples: 0.5,
      classWeight: 'balanced_subsample',
      randomState: seed,
    }),
  allowsMissing: true,
});

const train = makeSyntheticLeads({ rows: 1500, seed: 1 });
const test2 = makeSyntheticLeads({ rows: 1500, seed: 2 });
const multi = makeSyntheticLeads({ rows: 900, seed: 3, nClasses: 3 });

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}: index ${i}: ${a[i]} vs ${b[i]}`);
}

function rootsOf(model: RandomForestClassifier) {
  const { treeStart, feature, cover } = model.treeEnsemble().table.data;
  return Array.from({ length: treeStart.length - 1 }, (_, t) => ({
    feature: feature[treeStart[t]],
    cover: cover[treeStart[t]],
    nodes: treeStart[t + 1] - treeStart[t],
  }));
}

test('RandomForestClassifier: each tree grows on a bootstrap sample of n rows (maxSamples of them when set)', async () => {
  const full = await new RandomForestClassifier({ nEstimators: 10, maxDepth: 3 }).fit(train.X, train.y);
  for (const root of rootsOf(full)) assert.equal(root.cover, 1500, 'bootstrap draws n rows with replacement');
  const half = await new RandomForestClassifier({ nEstimators: 10, maxDepth: 3, maxSamples: 0.5 }).fit(train.X, train.y);
  for (const root of rootsOf(half)) assert.equal(root.cover, 750);
  const { treeStart, value } = full.treeEnsemble().table.data;
  const trees = new Set(Array.from({ length: 10 }, (_, t) => value.subarray(treeStart[t], treeStart[t + 1]).join()));
  assert.equal(trees.size, 10, 'bootstrap samples differ, so the trees differ');
});

test('RandomForestClassifier without bootstrap and with every feature per split grows the same tree every time', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 4, bootstrap: false, maxFeatures: null }).fit(train.X, train.y);
  const { treeStart, feature, threshold } = model.treeEnsemble().table.data;
  const first = [...feature.subarray(treeStart[0], treeStart[1])];
  for (let t = 1; t < 4; t++) {
    assert.deepEqual([...feature.subarray(treeStart[t], treeStart[t + 1])], first);
    assert.deepEqual(
      [...threshold.subarray(treeStart[t], treeStart[t + 1])],
      [...threshold.subarray(treeStart[0], treeStart[1])],
    );
  }
  // Fully grown trees fit their training rows (only identical rows with different labels stay mixed).
  assert.ok(accuracy(train.y, model.predict(train.X)) > 0.99);
});

test('RandomForestClassifier maxFeatures: with all features every root splits on the strongest one; with one, roots vary', async () => {
  const all = await new RandomForestClassifier({ nEstimators: 12, maxDepth: 2, maxFeatures: null }).fit(train.X, train.y);
  for (const root of rootsOf(all)) assert.equal(root.feature, 0);
  const one = await new RandomForestClassifier({ nEstimators: 40, maxDepth: 2, maxFeatures: 1 }).fit(train.X, train.y);
  const roots = new Set(rootsOf(one).map((r) => r.feature));
  assert.ok(roots.size >= 5, `only ${roots.size} distinct root features with maxFeatures 1`);
  const sqrt = await new RandomForestClassifier({ nEstimators: 40, maxDepth: 2 }).fit(train.X, train.y);
  const sqrtRoots = rootsOf(sqrt).filter((r) => r.feature === 0).length;
  assert.ok(sqrtRoots > 5 && sqrtRoots < 40, `sqrt(12) = 3 features per split: feature 0 is at ${sqrtRoots} of 40 roots`);
});

test('RandomForestClassifier class weights: a class weight equals that sample weight, and balanced raises the minority', async () => {
  const params = { nEstimators: 10, maxDepth: 5, randomState: 3 };
  const weighted = await new RandomForestClassifier({ ...params, classWeight: [1, 2.5] }).fit(train.X, train.y);
  const sampled = await new RandomForestClassifier(params).fit(train.X, train.y, {
    sampleWeight: Float64Array.from(train.y, (v) => (v === 1 ? 2.5 : 1)),
  });
  sameArray(weighted.predictProba(test2.X), sampled.predictProba(test2.X), 'class weight vs sample weight');
  // Balanced weights make both classes weigh n / 2, so the class-weighted mean prediction is about one half.
  const n = train.y.length;
  const positives = train.y.reduce((a, b) => a + b, 0);
  const weights = [n / (2 * (n - positives)), n / (2 * positives)];
  const weightedMean = (p: Float64Array) => p.reduce((sum, v, i) => sum + weights[train.y[i]] * v, 0) / n;
  const plain = await new RandomForestClassifier(params).fit(train.X, train.y);
  const explicit = await new RandomForestClassifier({ ...params, classWeight: weights }).fit(train.X, train.y);
  for (const classWeight of ['balanced', 'balanced_subsample'] as const) {
    const balanced = await new RandomForestClassifier({ ...params, classWeight }).fit(train.X, train.y);
    const p = balanced.predictProba(train.X);
    assert.ok(Math.abs(weightedMean(p) - 0.5) < 0.03, `${classWeight}: weighted mean ${weightedMean(p)}`);
    assert.ok(weightedMean(p) > weightedMean(plain.predictProba(train.X)) + 0.05, 'balancing raises the minority class');
    if (classWeight === 'balanced') sameArray(p, explicit.predictProba(train.X), 'balanced = n / (K·nₖ)');
  }
});

test('RandomForestClassifier out-of-bag score is close to a hold-out estimate', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 60, oobScore: true, randomState: 2 }).fit(train.X, train.y);
  const oob = model.oob;
  const holdoutAccuracy = accuracy(test2.y, model.predict(test2.X));
  const holdoutAuc = rocAuc(test2.y, model.predictProba(test2.X));
  assert.ok(Math.abs(oob.accuracy - holdoutAccuracy) < 0.04, `oob ${oob.accuracy} vs hold-out ${holdoutAccuracy}`);
  assert.ok(Math.abs(oob.rocAuc! - holdoutAuc) < 0.04, `oob AUC ${oob.rocAuc} vs hold-out ${holdoutAuc}`);
  assert.equal(oob.rowsWithout, 0, 'with 60 trees every row is left out by some tree');
  assert.equal(oob.decision.length, 2 * train.X.rows);
  // Out-of-bag predictions never come from trees that saw the row, so they are worse than training predictions.
  assert.ok(oob.accuracy < accuracy(train.y, model.predict(train.X)));
  const few = await new RandomForestClassifier({ nEstimators: 2, oobScore: true }).fit(train.X, train.y);
  assert.ok(few.oob.rowsWithout > 0);
  const missing = few.oob.decision.filter(Number.isNaN).length;
  assert.equal(missing, 2 * few.oob.rowsWithout, 'rows no tree left out have NaN out-of-bag probabilities');
  await assert.rejects(new RandomForestClassifier({ oobScore: true, bootstrap: false }).fit(train.X, train.y), ConfigError);
});

test('RandomForestClassifier impurity importances sum to 1 and rank the informative feature first', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 30, maxDepth: 6 }).fit(train.X, train.y);
  const importances = model.featureImportances();
  assert.ok(Math.abs(importances.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(importances.indexOf(Math.max(...importances)), 0, `importances ${[...importances].map((v) => v.toFixed(3))}`);
  assert.ok(importances[0] > 2 * importances[3], 'the noise column gets much less');
});

test('RandomForestClassifier growth limits: maxDepth, maxLeaves, minSamplesLeaf and minImpurityDecrease', async () => {
  const depth = await new RandomForestClassifier({ nEstimators: 5, maxDepth: 3 }).fit(train.X, train.y);
  assert.equal(depth.treeEnsemble().table.maxDepth(), 3);
  const leaves = await new RandomForestClassifier({ nEstimators: 5, maxLeaves: 6 }).fit(train.X, train.y);
  for (const root of rootsOf(leaves)) assert.equal(root.nodes, 11, 'six leaves and five splits');
  const minLeaf = await new RandomForestClassifier({ nEstimators: 5, minSamplesLeaf: 40, bootstrap: false }).fit(
    train.X,
    train.y,
  );
  const { feature, cover } = minLeaf.treeEnsemble().table.data;
  for (let k = 0; k < feature.length; k++) if (feature[k] < 0) assert.ok(cover[k] >= 40, `leaf of ${cover[k]} rows`);
  const full = await new RandomForestClassifier({ nEstimators: 5 }).fit(train.X, train.y);
  const pruned = await new RandomForestClassifier({ nEstimators: 5, minImpurityDecrease: 0.002 }).fit(train.X, train.y);
  assert.ok(pruned.treeEnsemble().table.nNodes < full.treeEnsemble().table.nNodes / 4);
});

test('RandomForestClassifier multi-class leaves hold class distributions', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 20 }).fit(multi.X, multi.y);
  const { feature, value, nOutputs } = model.treeEnsemble().table.data;
  assert.equal(nOutputs, 3);
  for (let k = 0; k < feature.length; k++) {
    if (feature[k] >= 0) continue;
    const s = value[3 * k] + value[3 * k + 1] + value[3 * k + 2];
    assert.ok(Math.abs(s - 1) < 1e-12);
  }
  assert.ok(accuracy(multi.y, model.predict(multi.X)) > 0.95);
});

test('RandomForestClassifier: worker-thread training builds the bit-identical forest, fit after fit', async () => {
  // 4,000 × 52 cells is above the size at which forests grow on worker threads.
  const big = makeSyntheticLeads({ rows: 4000, seed: 9, numeric: 12, categorical: 5, levels: 8 });
  const params = { nEstimators: 8, maxDepth: 8, randomState: 5, oobScore: true };
  const single = await new RandomForestClassifier({ ...params, nThreads: 1 }).fit(big.X, big.y);
  const threaded = await new RandomForestClassifier({ ...params, nThreads: 2 }).fit(big.X, big.y);
  assert.deepEqual(threaded.toJSON().state, single.toJSON().state);
  sameArray(threaded.predictProba(big.X), single.predictProba(big.X), 'threaded predictions');
  // The worker goes back to the idle list: a fit on other data (enough trees that the worker grows
  // some), then this one again, through the same thread.
  const other = makeSyntheticLeads({ rows: 5000, seed: 10, numeric: 10, categorical: 6, levels: 5 });
  const more = { ...params, nEstimators: 60 };
  const otherSingle = await new RandomForestClassifier({ ...more, nThreads: 1 }).fit(other.X, other.y);
  const otherThreaded = await new RandomForestClassifier({ ...more, nThreads: 2 }).fit(other.X, other.y);
  assert.deepEqual(otherThreaded.toJSON().state, otherSingle.toJSON().state);
  const again = await new RandomForestClassifier({ ...params, nThreads: 2 }).fit(big.X, big.y);
  assert.deepEqual(again.toJSON().state, single.toJSON().state);
});

test('RandomForestClassifier callbacks get per-tree out-of-bag and validation losses, and can stop the forest', async () => {
  const seen: [number, IterationLogs][] = [];
  const model = await new RandomForestClassifier({ nEstimators: 40, maxDepth: 6 }).fit(train.X, train.y, {
    evalSet: test2,
    callbacks: [
      {
        onIterationEnd: (t, logs) => {
          seen.push([t, { ...logs }]);
          return t === 11 ? 'stop' : undefined;
        },
      },
    ],
  });
  assert.equal(model.nTrees, 12);
  assert.deepEqual(
    seen.map(([t]) => t),
    [...Array(12).keys()],
  );
  for (const [, logs] of seen) assert.ok(logs.oobLoss! > 0 && logs.validLoss! > 0);
  assert.ok(seen[11][1].validLoss! < seen[0][1].validLoss!, 'more trees, lower validation loss');
});

test('RandomForestClassifier generalises on held-out rows', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 50 }).fit(train.X, train.y);
  assert.ok(rocAuc(test2.y, model.predictProba(test2.X)) > 0.8);
});

test('RandomForestClassifier treats NaN as missing and routes it by the learned default direction', async () => {
  const rng = new Rng(4);
  const rows = Array.from({ length: 400 }, (_, i) => [i % 4 === 0 ? Number.NaN : rng.normal(0, 1), rng.normal(0, 1)]);
  const y = rows.map(([x]) => (Number.isNaN(x) || x > 1 ? 1 : 0));
  const model = await new RandomForestClassifier({ nEstimators: 20, maxFeatures: null, bootstrap: false }).fit(
    Matrix.fromRows(rows),
    y,
  );
  const p = model.predictProba(
    Matrix.fromRows([
      [Number.NaN, 0],
      [0, 0],
      [2, 0],
    ]),
  );
  assert.deepEqual([...p], [1, 0, 1]);
});

test('RandomForestClassifier rejects bad input with an InputError that says what to fix', async () => {
  const fit = (X: Matrix, y: ArrayLike<number>) => new RandomForestClassifier({ nEstimators: 2 }).fit(X, y);
  const X = train.X;
  const y = Array.from(train.y);
  await assert.rejects(fit(X, [Number.NaN, ...y.slice(1)]), (e: Error) => e instanceof InputError && /NaN/.test(e.message));
  await assert.rejects(
    fit(X, new Array(X.rows).fill(1)),
    (e: Error) => e instanceof InputError && /single class/.test(e.message),
  );
  await assert.rejects(fit(X, y.slice(1)), (e: Error) => e instanceof InputError && /y has 1499 labels/.test(e.message));
  await assert.rejects(fit(new Matrix(X.rows, 0), y), (e: Error) => e instanceof InputError && /zero features/.test(e.message));
  await assert.rejects(
    fit(withValue(X, 9, 0, Number.NEGATIVE_INFINITY), y),
    (e: Error) => e instanceof InputError && /infinite value at row 9, column "num0"/.test(e.message),
  );
  await assert.doesNotReject(fit(withValue(X, 9, 0, Number.NaN), y), 'NaN is a missing value');
  await assert.rejects(
    new RandomForestClassifier({ nEstimators: 2 }).fit(X, y, { sampleWeight: new Float64Array(X.rows) }),
    /every row has weight 0/,
  );
  await assert.rejects(new RandomForestClassifier({ maxFeatures: 1.5 }).fit(X, y), ConfigError);
  await assert.rejects(new RandomForestClassifier({ classWeight: [1, 2, 3] }).fit(X, y), /array of 2 numbers/);
  const model = await fit(X, y);
  assert.throws(() => model.predictProba(withValue(X, 0, 0, Number.POSITIVE_INFINITY)), /infinite value/);
  assert.throws(() => model.predictProba(new Matrix(1, 5)), /X has 5 features but the model was fitted on 12/);
  assert.throws(() => model.oob, /oobScore: true/);
  const multiModel = await new RandomForestClassifier({ nEstimators: 2 }).fit(multi.X, multi.y);
  assert.throws(() => multiModel.predictProba(multi.X), /use predictClassProba/);
});

test('RandomForestClassifier probabilities never stray outside [0, 1], even with weighted pure leaves', async () => {
  // Pure leaves under non-integer class weights sum fractions such as 0.1 + 0.2 + 0.7, whose
  // rounding error used to leave P(converted) a hair below 0 — and a log loss refusing it.
  const rare = makeSyntheticLeads({ rows: 3000, seed: 11, intercept: -4 });
  for (const classWeight of ['balanced', 'balanced_subsample', [1, 33.3]] as const) {
    const model = await new RandomForestClassifier({ nEstimators: 30, maxSamples: 0.7, classWeight, randomState: 5 }).fit(
      rare.X,
      rare.y,
    );
    const p = model.predictProba(rare.X);
    for (let i = 0; i < p.length; i++) assert.ok(p[i] >= 0 && p[i] <= 1, `${String(classWeight)}: row ${i}: ${p[i]}`);
    const P = model.predictClassProba(rare.X);
    for (let i = 0; i < P.data.length; i++) assert.ok(P.data[i] >= 0 && P.data[i] <= 1, `class probability ${i}: ${P.data[i]}`);
  }
});
