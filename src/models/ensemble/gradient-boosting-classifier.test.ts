import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError } from '../../core/errors.js';
import type { IterationLogs } from '../../core/estimator.js';
import { Matrix } from '../../core/matrix.js';
import { fromJSON } from '../../core/serialization.js';
import { runClassifierContract } from '../../core/test-support/estimator-contract.js';
import { rocAuc } from '../../metrics/roc-auc.js';
import { GradientBoostingClassifier } from './gradient-boosting-classifier.js';
import type { GradientBoostingParams } from './gradient-boosting-params.js';
import { accuracy, makeSyntheticLeads, withValue } from './test-support/synthetic-leads.js';

runClassifierContract('GradientBoostingClassifier', {
  make: (seed) =>
    new GradientBoostingClassifier({
      nEstimators: 25,
      maxDepth: 3,
      subsample: 0.8,
      colsampleByTree: 0.8,
      colsampleByNode: 0.8,
      randomState: seed,
    }),
  allowsMissing: true,
});

runClassifierContract('GradientBoostingClassifier (leaf-wise)', {
  make: (seed) => new GradientBoostingClassifier({ nEstimators: 20, maxDepth: null, maxLeaves: 8, randomState: seed }),
  allowsMissing: true,
});

const train = makeSyntheticLeads({ rows: 1500, seed: 1 });
const valid = makeSyntheticLeads({ rows: 600, seed: 2 });
const multi = makeSyntheticLeads({ rows: 1200, seed: 3, nClasses: 3 });

async function fitWithLogs(params: GradientBoostingParams, X: Matrix, y: Int32Array, evalSet?: { X: Matrix; y: Int32Array }) {
  const logs: IterationLogs[] = [];
  const model = await new GradientBoostingClassifier(params).fit(X, y, {
    evalSet,
    callbacks: [{ onIterationEnd: (_round, l) => void logs.push({ ...l }) }],
  });
  return { model, logs };
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}: index ${i}: ${a[i]} vs ${b[i]}`);
}

test('GradientBoostingClassifier: the training loss falls every round with a small learning rate (binary and softmax)', async () => {
  for (const [X, y] of [
    [train.X, train.y],
    [multi.X, multi.y],
  ] as const) {
    const { model, logs } = await fitWithLogs({ nEstimators: 40, learningRate: 0.05, maxDepth: 3 }, X, y);
    assert.equal(logs.length, 40);
    for (let r = 1; r < logs.length; r++) {
      assert.ok(logs[r].trainLoss! < logs[r - 1].trainLoss!, `round ${r}: ${logs[r].trainLoss} ≥ ${logs[r - 1].trainLoss}`);
    }
    assert.deepEqual(
      model.evalsResult.train,
      logs.map((l) => l.trainLoss),
    );
  }
});

test("GradientBoostingClassifier: the first tree's leaf values scale with the learning rate", async () => {
  const raw = async (learningRate: number) => {
    const model = await new GradientBoostingClassifier({ nEstimators: 1, learningRate, maxDepth: 3 }).fit(train.X, train.y);
    return model.predictRaw(train.X).data;
  };
  const slow = await raw(0.1);
  const fast = await raw(0.3);
  const base = Math.log(train.y.reduce((a, b) => a + b, 0) / (train.y.length - train.y.reduce((a, b) => a + b, 0)));
  for (let i = 0; i < slow.length; i++) {
    assert.ok(Math.abs(fast[i] - base - 3 * (slow[i] - base)) < 1e-12, `row ${i}`);
  }
});

test('GradientBoostingClassifier: row and column subsampling follow the seed', async () => {
  const params = { nEstimators: 15, maxDepth: 3, subsample: 0.5, colsampleByTree: 0.5, colsampleByNode: 0.7 };
  const a = await new GradientBoostingClassifier({ ...params, randomState: 4 }).fit(train.X, train.y);
  const b = await new GradientBoostingClassifier({ ...params, randomState: 4 }).fit(train.X, train.y);
  const c = await new GradientBoostingClassifier({ ...params, randomState: 5 }).fit(train.X, train.y);
  sameArray(a.predictProba(valid.X), b.predictProba(valid.X), 'same seed');
  assert.notDeepEqual(a.predictProba(valid.X), c.predictProba(valid.X));
  // Without subsampling the seed does not matter.
  const d = await new GradientBoostingClassifier({ nEstimators: 5, randomState: 1 }).fit(train.X, train.y);
  const e = await new GradientBoostingClassifier({ nEstimators: 5, randomState: 2 }).fit(train.X, train.y);
  sameArray(d.predictProba(valid.X), e.predictProba(valid.X), 'no subsampling');
});

test('GradientBoostingClassifier: subsample grows each tree on that share of the rows; colsampleByTree limits its features', async () => {
  const model = await new GradientBoostingClassifier({
    nEstimators: 12,
    maxDepth: 4,
    subsample: 0.5,
    colsampleByTree: 0.25,
  }).fit(train.X, train.y);
  const { treeStart, feature, cover } = model.treeEnsemble().table.data;
  // In round 0 every row has the hessian p(1 − p) of the base rate, so the root cover counts rows.
  const p = train.y.reduce((a, b) => a + b, 0) / train.y.length;
  assert.ok(Math.abs(cover[0] / (p * (1 - p)) - 750) < 1e-6, `root cover ${cover[0]}`);
  const perTree = Math.round(0.25 * train.X.cols);
  for (let t = 0; t + 1 < treeStart.length; t++) {
    const used = new Set<number>();
    for (let k = treeStart[t]; k < treeStart[t + 1]; k++) if (feature[k] >= 0) used.add(feature[k]);
    assert.ok(used.size <= perTree, `tree ${t} splits on ${used.size} features, more than ${perTree}`);
  }
});

test('GradientBoostingClassifier: baseScore sets the starting probability (XGBoost base_score); null starts from the positive share', async () => {
  const params = { nEstimators: 1, maxDepth: 2, learningRate: 1e-9 };
  const prior = train.y.reduce((a, b) => a + b, 0) / train.y.length;
  const fromPrior = await new GradientBoostingClassifier(params).fit(train.X, train.y);
  const fromHalf = await new GradientBoostingClassifier({ ...params, baseScore: 0.5 }).fit(train.X, train.y);
  const fromTenth = await new GradientBoostingClassifier({ ...params, baseScore: 0.1 }).fit(train.X, train.y);
  // With a vanishing learning rate the trees add nothing: every row keeps its starting probability.
  for (const [model, start] of [
    [fromPrior, prior],
    [fromHalf, 0.5],
    [fromTenth, 0.1],
  ] as const) {
    for (const p of model.predictProba(valid.X)) assert.ok(Math.abs(p - start) < 1e-6, `start ${start}: ${p}`);
  }
  // The start matters with few rounds, and a round trip keeps it.
  const short = { nEstimators: 5, maxDepth: 3 };
  const a = await new GradientBoostingClassifier({ ...short, baseScore: 0.5 }).fit(train.X, train.y);
  const b = await new GradientBoostingClassifier(short).fit(train.X, train.y);
  assert.notDeepEqual(a.predictProba(valid.X), b.predictProba(valid.X));
  sameArray(
    fromJSON<GradientBoostingClassifier>(JSON.parse(JSON.stringify(a.toJSON()))).predictProba(valid.X),
    a.predictProba(valid.X),
    'round trip',
  );
  await assert.rejects(
    new GradientBoostingClassifier({ baseScore: 1 }).fit(train.X, train.y),
    /baseScore must be a number in \(0, /,
  );
  await assert.rejects(
    new GradientBoostingClassifier({ baseScore: 0.5 }).fit(multi.X, multi.y),
    /baseScore is for binary problems/,
  );
});

test('GradientBoostingClassifier: scalePosWeight equals a class weight and a sample weight on the positives', async () => {
  const params = { nEstimators: 10, maxDepth: 3 };
  const scaled = await new GradientBoostingClassifier({ ...params, scalePosWeight: 3 }).fit(train.X, train.y);
  const classWeighted = await new GradientBoostingClassifier({ ...params, classWeight: [1, 3] }).fit(train.X, train.y);
  const sampleWeighted = await new GradientBoostingClassifier(params).fit(train.X, train.y, {
    sampleWeight: Float64Array.from(train.y, (v) => (v === 1 ? 3 : 1)),
  });
  const plain = await new GradientBoostingClassifier(params).fit(train.X, train.y);
  const p = scaled.predictProba(valid.X);
  sameArray(classWeighted.predictProba(valid.X), p, 'classWeight [1, 3]');
  sameArray(sampleWeighted.predictProba(valid.X), p, 'sample weight 3 on positives');
  const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  assert.ok(mean(p) > mean(plain.predictProba(valid.X)) + 0.1, 'up-weighting positives raises their predicted share');
});

test("GradientBoostingClassifier: classWeight 'balanced' weighs class k by n / (K·nₖ), so the weighted mean prediction is one half", async () => {
  const model = await new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3, classWeight: 'balanced' }).fit(
    train.X,
    train.y,
  );
  const n = train.y.length;
  const positives = train.y.reduce((a, b) => a + b, 0);
  const weights = [n / (2 * (n - positives)), n / (2 * positives)];
  const explicit = await new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3, classWeight: weights }).fit(
    train.X,
    train.y,
  );
  sameArray(explicit.predictProba(valid.X), model.predictProba(valid.X), 'explicit balanced weights');
  const p = model.predictProba(train.X);
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += weights[train.y[i]] * p[i];
  assert.ok(Math.abs(weighted / n - 0.5) < 0.01, `weighted mean predicted probability ${weighted / n}`);
});

test('GradientBoostingClassifier stops early on evalSet and keeps the best round', async () => {
  const params = { nEstimators: 300, learningRate: 0.3, maxDepth: 6, earlyStoppingRounds: 10 };
  const { model, logs } = await fitWithLogs(params, train.X, train.y, valid);
  const validLoss = model.evalsResult.valid;
  assert.ok(validLoss.length < 300, 'training stopped before nEstimators');
  const best = validLoss.indexOf(Math.min(...validLoss));
  assert.equal(model.bestIteration, best);
  assert.equal(model.nRounds, best + 1);
  assert.equal(validLoss.length, best + 11, 'ten rounds without improvement, then stop');
  assert.deepEqual(
    logs.map((l) => l.validLoss),
    validLoss,
  );
  const fixed = await new GradientBoostingClassifier({ ...params, nEstimators: best + 1, earlyStoppingRounds: null }).fit(
    train.X,
    train.y,
  );
  sameArray(model.predictProba(valid.X), fixed.predictProba(valid.X), 'best-round model');
});

test('GradientBoostingClassifier stops early on a stratified validationFraction when fit has no evalSet', async () => {
  const model = await new GradientBoostingClassifier({
    nEstimators: 300,
    learningRate: 0.3,
    maxDepth: 6,
    earlyStoppingRounds: 5,
    validationFraction: 0.2,
  }).fit(train.X, train.y);
  const validLoss = model.evalsResult.valid;
  assert.ok(validLoss.length < 300);
  assert.equal(model.nRounds, model.bestIteration! + 1);
  assert.equal(validLoss.indexOf(Math.min(...validLoss)), model.bestIteration);
  assert.equal(validLoss.length, model.bestIteration! + 6);
});

test('GradientBoostingClassifier staged predictions: the first k rounds predict what a k-round model predicts', async () => {
  for (const data of [train, multi]) {
    const params = { maxDepth: 3, subsample: 0.7, colsampleByTree: 0.7, randomState: 3 };
    const full = await new GradientBoostingClassifier({ ...params, nEstimators: 12 }).fit(data.X, data.y);
    const short = await new GradientBoostingClassifier({ ...params, nEstimators: 5 }).fit(data.X, data.y);
    sameArray(full.predictRaw(data.X, { iterations: 5 }).data, short.predictRaw(data.X).data, 'first 5 rounds');
    const staged = [...full.stagedPredictClassProba(data.X)];
    assert.equal(staged.length, 12);
    staged.forEach((P, r) => {
      const expected = full.predictClassProba(data.X, { iterations: r + 1 }).data;
      for (let i = 0; i < P.data.length; i++) assert.ok(Math.abs(P.data[i] - expected[i]) < 1e-12);
    });
    const base = full.predictRaw(data.X, { iterations: 0 });
    for (let i = 0; i < base.rows; i++) sameArray(base.row(i), full.treeEnsemble().base, 'zero rounds give the base score');
    assert.throws(() => full.predictRaw(data.X, { iterations: 13 }), /iterations must be an integer in \[0, 12\]/);
  }
});

test('GradientBoostingClassifier importances: gain sums to 1 and ranks the strongest feature first; split counts the splits', async () => {
  const model = await new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3 }).fit(train.X, train.y);
  const gain = model.featureImportances('gain');
  assert.ok(Math.abs(gain.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(gain.indexOf(Math.max(...gain)), 0, `gain importances ${[...gain].map((v) => v.toFixed(3))}`);
  const split = model.featureImportances('split');
  const internal = model.treeEnsemble().table.data.feature.filter((f) => f >= 0).length;
  assert.equal(
    split.reduce((a, b) => a + b, 0),
    internal,
  );
  assert.ok(split.every(Number.isInteger));
  assert.ok(split[3] < split[0], 'the noise feature is split on less often than the strongest one');
});

test("GradientBoostingClassifier callbacks get each round's trainLoss and validLoss, and 'stop' ends training", async () => {
  const seen: [number, IterationLogs][] = [];
  const model = await new GradientBoostingClassifier({ nEstimators: 50, maxDepth: 3 }).fit(train.X, train.y, {
    evalSet: valid,
    callbacks: [
      {
        onIterationEnd: (round, logs) => {
          seen.push([round, { ...logs }]);
          return round === 6 ? 'stop' : undefined;
        },
      },
    ],
  });
  assert.deepEqual(
    seen.map(([round]) => round),
    [0, 1, 2, 3, 4, 5, 6],
  );
  for (const [, logs] of seen) assert.ok(logs.trainLoss! > 0 && logs.validLoss! > 0);
  assert.equal(model.nRounds, 7);
  assert.equal(model.bestIteration, null, 'no early stopping ran');
  assert.equal(model.evalsResult.valid.length, 7);
});

test('GradientBoostingClassifier stops with an AbortError when its signal is aborted', async () => {
  const controller = new AbortController();
  let rounds = 0;
  const fit = new GradientBoostingClassifier({ nEstimators: 50, maxDepth: 3 }).fit(train.X, train.y, {
    signal: controller.signal,
    callbacks: [{ onIterationEnd: () => void (++rounds === 3 && controller.abort()) }],
  });
  await assert.rejects(fit, { name: 'AbortError' });
  assert.equal(rounds, 3);
});

test('GradientBoostingClassifier: worker-thread training builds the bit-identical model', async () => {
  // 5,000 × 80 cells is above the size at which fits use worker threads.
  const big = makeSyntheticLeads({ rows: 5000, seed: 7, numeric: 16, categorical: 8, levels: 8 });
  const params = { nEstimators: 8, maxDepth: 5, subsample: 0.8, colsampleByNode: 0.8, randomState: 11 };
  const single = await new GradientBoostingClassifier({ ...params, nThreads: 1 }).fit(big.X, big.y);
  const threaded = await new GradientBoostingClassifier({ ...params, nThreads: 2 }).fit(big.X, big.y);
  assert.deepEqual(threaded.toJSON().state, single.toJSON().state);
  sameArray(threaded.predictProba(big.X), single.predictProba(big.X), 'threaded predictions');
  // The worker goes back to the idle list and serves the next fits, with and without column samples.
  const again = await new GradientBoostingClassifier({ ...params, nThreads: 2 }).fit(big.X, big.y);
  assert.deepEqual(again.toJSON().state, single.toJSON().state);
  const all = { nEstimators: 8, maxDepth: 4, randomState: 2 };
  const third = await new GradientBoostingClassifier({ ...all, nThreads: 2 }).fit(big.X, big.y);
  const alone = await new GradientBoostingClassifier({ ...all, nThreads: 1 }).fit(big.X, big.y);
  assert.deepEqual(third.toJSON().state, alone.toJSON().state);
});

test('GradientBoostingClassifier learns where missing values belong', async () => {
  // Label 1 exactly when feature 0 is missing or large.
  const rows = Array.from({ length: 400 }, (_, i) => [i % 4 === 0 ? Number.NaN : (i % 50) / 10, (i * 7) % 11]);
  const y = rows.map(([x]) => (Number.isNaN(x) || x > 3 ? 1 : 0));
  const model = await new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 2, learningRate: 0.5 }).fit(
    Matrix.fromRows(rows),
    y,
  );
  const p = model.predictProba(
    Matrix.fromRows([
      [Number.NaN, 3],
      [1, 3],
      [4.5, 3],
    ]),
  );
  assert.ok(p[0] > 0.9 && p[1] < 0.1 && p[2] > 0.9, `probabilities ${[...p]}`);
});

test('GradientBoostingClassifier: multi-class raw scores, probabilities and a JSON round trip', async () => {
  const model = await new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 3 }).fit(multi.X, multi.y);
  assert.equal(model.treeEnsemble().table.nTrees, 60, 'one tree per class and round');
  const raw = model.predictRaw(multi.X);
  assert.equal(raw.cols, 3);
  const P = model.predictClassProba(multi.X);
  const restored = fromJSON<GradientBoostingClassifier>(JSON.parse(JSON.stringify(model.toJSON())));
  sameArray(restored.predictClassProba(multi.X).data, P.data, 'restored');
  assert.ok(accuracy(multi.y, model.predict(multi.X)) > 0.6);
  assert.throws(() => model.predictProba(multi.X), /use predictClassProba/);
  assert.throws(() => model.decisionFunction(multi.X), /use predictRaw/);
});

test('GradientBoostingClassifier generalises on held-out rows', async () => {
  const model = await new GradientBoostingClassifier({ nEstimators: 60, maxDepth: 3 }).fit(train.X, train.y);
  assert.ok(rocAuc(valid.y, model.predictProba(valid.X)) > 0.8);
});

test('GradientBoostingClassifier rejects bad input with an InputError that says what to fix', async () => {
  const fit = (X: Matrix, y: ArrayLike<number>) => new GradientBoostingClassifier({ nEstimators: 2 }).fit(X, y);
  const X = train.X;
  const y = Array.from(train.y);
  await assert.rejects(fit(X, [...y.slice(0, -1), Number.NaN]), (e: Error) => e instanceof InputError && /NaN/.test(e.message));
  await assert.rejects(
    fit(X, new Array(X.rows).fill(0)),
    (e: Error) => e instanceof InputError && /single class/.test(e.message),
  );
  await assert.rejects(fit(X, y.slice(2)), (e: Error) => e instanceof InputError && /y has 1498 labels/.test(e.message));
  await assert.rejects(fit(new Matrix(X.rows, 0), y), (e: Error) => e instanceof InputError && /zero features/.test(e.message));
  await assert.rejects(
    fit(withValue(X, 3, 1, Number.POSITIVE_INFINITY), y),
    (e: Error) => e instanceof InputError && /infinite value at row 3, column "num1"/.test(e.message),
  );
  await assert.doesNotReject(fit(withValue(X, 3, 1, Number.NaN), y), 'NaN is a missing value');
  await assert.rejects(
    new GradientBoostingClassifier().fit(X, y, { evalSet: { X: valid.X, y: Array.from(valid.y, () => 5) } }),
    /evalSet.y at row 0 is 5; expected a class index 0..1/,
  );
  await assert.rejects(
    new GradientBoostingClassifier().fit(X, y, { sampleWeight: new Float64Array(X.rows) }),
    /every row has weight 0/,
  );
  await assert.rejects(new GradientBoostingClassifier({ learningRate: 0 }).fit(X, y), ConfigError);
  await assert.rejects(new GradientBoostingClassifier({ maxDepth: null }).fit(X, y), /set maxDepth or maxLeaves/);
  await assert.rejects(
    new GradientBoostingClassifier({ scalePosWeight: 2 }).fit(multi.X, multi.y),
    /scalePosWeight is for binary problems; use classWeight for 3 classes/,
  );
  await assert.rejects(
    new GradientBoostingClassifier({ earlyStoppingRounds: 5, validationFraction: 0 }).fit(X, y),
    /earlyStoppingRounds needs validation rows/,
  );
  const model = await fit(X, y);
  assert.throws(() => model.predictProba(withValue(X, 0, 0, Number.NEGATIVE_INFINITY)), /infinite value/);
  assert.throws(() => model.predictProba(new Matrix(1, 3)), /X has 3 features but the model was fitted on 12/);
});

test("GradientBoostingClassifier: classWeight 'balanced' counts rows of each class; sample weights multiply it", async () => {
  const sampleWeight = Float64Array.from(train.y, (_, i) => 0.5 + (i % 3));
  const n = train.y.length;
  const positives = train.y.reduce((a, b) => a + b, 0);
  const params = { nEstimators: 5, maxDepth: 3 };
  const balanced = await new GradientBoostingClassifier({ ...params, classWeight: 'balanced' }).fit(train.X, train.y, {
    sampleWeight,
  });
  const explicit = await new GradientBoostingClassifier({
    ...params,
    classWeight: [n / (2 * (n - positives)), n / (2 * positives)],
  }).fit(train.X, train.y, { sampleWeight });
  sameArray(balanced.predictProba(valid.X), explicit.predictProba(valid.X), 'balanced with sample weights');
});

test('GradientBoostingClassifier growth parameters reach every tree', async () => {
  const tablesOf = async (params: GradientBoostingParams) => {
    const model = await new GradientBoostingClassifier({ nEstimators: 8, ...params }).fit(train.X, train.y);
    return model.treeEnsemble().table;
  };
  assert.equal((await tablesOf({ maxDepth: 2 })).maxDepth(), 2);
  const leafWise = (await tablesOf({ maxDepth: null, maxLeaves: 5 })).data;
  for (let t = 0; t + 1 < leafWise.treeStart.length; t++) {
    const nodes = leafWise.treeStart[t + 1] - leafWise.treeStart[t];
    assert.ok(nodes <= 9, `tree ${t} has ${nodes} nodes, more than 5 leaves allow`);
  }
  const heavy = (await tablesOf({ maxDepth: 8, minChildWeight: 20 })).data;
  for (let k = 0; k < heavy.feature.length; k++) {
    if (heavy.feature[k] < 0) assert.ok(heavy.cover[k] >= 20, `leaf hessian ${heavy.cover[k]}`);
  }
  const gainy = (await tablesOf({ maxDepth: 8, minGainToSplit: 5 })).data;
  for (let k = 0; k < gainy.feature.length; k++) if (gainy.feature[k] >= 0) assert.ok(gainy.gain[k] > 5, `gain ${gainy.gain[k]}`);
  const largest = (values: Float64Array) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const loose = (await tablesOf({ maxDepth: 4, l2Regularization: 0 })).data.value;
  const tight = (await tablesOf({ maxDepth: 4, l2Regularization: 100 })).data.value;
  assert.ok(largest(tight) < 0.5 * largest(loose), 'a large l2Regularization shrinks leaf values');
});
