import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError, ConfigError, InputError, NotFittedError } from '../../core/errors.js';
import type { IterationLogs } from '../../core/estimator.js';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { fromJSON } from '../../core/serialization.js';
import { makeContractData, runClassifierContract } from '../../core/test-support/estimator-contract.js';
import { NeuralNetClassifier, type NeuralNetParams, neuralBackend, neuralMemory } from './index.js';
import { logLossFromLogits } from './logit-math.js';

const FAST: NeuralNetParams = { hiddenLayers: [16], epochs: 30, batchSize: 64, learningRate: 0.01 };

runClassifierContract('NeuralNetClassifier', {
  make: (seed) => new NeuralNetClassifier({ ...FAST, randomState: seed }),
});

/** Binary rows where about `positiveRate` are positive and 3 of 8 features carry the signal. */
function imbalanced(rows: number, positiveRate: number, seed: number): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const X = new Matrix(rows, 8);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = rng.bernoulli(positiveRate) ? 1 : 0;
    for (let j = 0; j < 8; j++) X.set(i, j, rng.normal(j < 3 && y[i] === 1 ? 0.8 : 0, 1));
  }
  return { X, y };
}

function mean(values: Float64Array): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

test('NeuralNetClassifier: the active backend is reported and recorded on the fitted model', async () => {
  const backend = await neuralBackend();
  assert.ok(['tensorflow', 'wasm', 'cpu'].includes(backend));
  const { X, y } = makeContractData(120, 2, 1);
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 2 }).fit(X, y);
  assert.equal(model.backend, backend);
  assert.equal(model.toJSON().state.backend, backend);
});

test('NeuralNetClassifier: early stopping keeps the weights of the epoch with the lowest validation loss', async () => {
  const train = imbalanced(200, 0.4, 21);
  const valid = imbalanced(300, 0.4, 22);
  const model = new NeuralNetClassifier({
    hiddenLayers: [64, 64],
    learningRate: 0.02,
    batchSize: 32,
    epochs: 80,
    patience: 5,
    l2: 0,
  });
  await model.fit(train.X, train.y, { evalSet: { X: valid.X, y: valid.y } });
  const { valid: losses } = model.history;
  const best = Math.min(...losses);
  assert.notEqual(model.bestEpoch, null);
  assert.equal(losses[model.bestEpoch!], best);
  assert.ok(model.nEpochs < 80, 'patience should have stopped an overfitting net early');
  assert.equal(model.nEpochs, model.bestEpoch! + 1 + 5);
  assert.ok(losses[losses.length - 1] > best, 'the last epoch is worse than the best one');
  const logits = Float32Array.from(model.decisionFunction(valid.X));
  assert.equal(logLossFromLogits(logits, 1, valid.y, null), best);
});

test('NeuralNetClassifier: validationFraction or earlyStopping: true hold out rows for early stopping; earlyStopping: false turns it off', async () => {
  const { X, y } = imbalanced(200, 0.5, 3);
  const held = await new NeuralNetClassifier({ ...FAST, epochs: 4, validationFraction: 0.2 }).fit(X, y);
  assert.notEqual(held.bestEpoch, null);
  assert.equal(held.history.valid.length, 4);
  const asked = await new NeuralNetClassifier({ ...FAST, epochs: 4, earlyStopping: true }).fit(X, y);
  assert.notEqual(asked.bestEpoch, null, 'earlyStopping: true holds out validationFraction (0.1) of the rows');
  assert.equal(asked.history.valid.length, 4);
  const off = await new NeuralNetClassifier({ ...FAST, epochs: 4, earlyStopping: false }).fit(X, y, { evalSet: { X, y } });
  assert.equal(off.bestEpoch, null);
  assert.equal(off.history.valid.length, 4, 'the evalSet loss is still logged');
  const plain = await new NeuralNetClassifier({ ...FAST, epochs: 4 }).fit(X, y);
  assert.equal(plain.bestEpoch, null);
  assert.deepEqual(plain.history.valid, []);
});

test('NeuralNetClassifier: callbacks get each epoch with train and valid loss, and returning stop ends training', async () => {
  const { X, y } = imbalanced(200, 0.5, 4);
  const seen: [number, IterationLogs][] = [];
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 50 }).fit(X, y, {
    evalSet: { X, y },
    callbacks: [
      {
        onIterationEnd: (epoch, logs) => {
          seen.push([epoch, { ...logs }]);
          return epoch === 2 ? 'stop' : undefined;
        },
      },
    ],
  });
  assert.deepEqual(
    seen.map(([epoch]) => epoch),
    [0, 1, 2],
  );
  assert.equal(model.nEpochs, 3);
  for (const [, logs] of seen) {
    assert.ok(Number.isFinite(logs.trainLoss) && logs.trainLoss! > 0);
    assert.ok(Number.isFinite(logs.validLoss) && logs.validLoss! > 0);
  }
  assert.deepEqual(
    model.history.train,
    seen.map(([, logs]) => logs.trainLoss),
  );
});

test('NeuralNetClassifier: without validation rows training stops once the training loss stalls (tol, patience)', async () => {
  const { X, y } = imbalanced(150, 0.5, 5);
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 500, tol: 10, patience: 3 }).fit(X, y);
  assert.equal(model.nEpochs, 1 + 3, 'after the first epoch none improves by 10, so training stops patience epochs later');
});

test('NeuralNetClassifier: class weights raise the minority class probabilities; sample weights multiply the same way', async () => {
  const { X, y } = imbalanced(600, 0.1, 6);
  const params: NeuralNetParams = { ...FAST, epochs: 20, randomState: 2 };
  const plain = await new NeuralNetClassifier(params).fit(X, y);
  const balanced = await new NeuralNetClassifier({ ...params, classWeight: 'balanced' }).fit(X, y);
  assert.ok(mean(balanced.predictProba(X)) > mean(plain.predictProba(X)) + 0.1, 'balanced weights lift P(positive)');
  const byClass = await new NeuralNetClassifier({ ...params, classWeight: { 1: 5 } }).fit(X, y);
  const bySample = await new NeuralNetClassifier(params).fit(X, y, { sampleWeight: Float64Array.from(y, (v) => (v ? 5 : 1)) });
  assert.deepEqual(byClass.predictProba(X), bySample.predictProba(X));
  const both = await new NeuralNetClassifier({ ...params, classWeight: [1, 5] }).fit(X, y, {
    sampleWeight: new Float64Array(600).fill(2),
  });
  assert.deepEqual(
    both.predictProba(X),
    byClass.predictProba(X),
    'weights are rescaled to mean 1, so a constant factor changes nothing',
  );
});

test('NeuralNetClassifier: the same seed gives the same model with dropout, a validation split and class weights', async () => {
  const { X, y } = imbalanced(300, 0.3, 7);
  const params: NeuralNetParams = {
    ...FAST,
    epochs: 6,
    dropout: 0.3,
    validationFraction: 0.2,
    classWeight: 'balanced',
    randomState: 9,
  };
  const a = await new NeuralNetClassifier(params).fit(X, y);
  const b = await new NeuralNetClassifier(params).fit(X, y);
  const c = await new NeuralNetClassifier({ ...params, randomState: 10 }).fit(X, y);
  assert.deepEqual(a.predictProba(X), b.predictProba(X));
  assert.deepEqual(a.history, b.history);
  assert.notDeepEqual(a.predictProba(X), c.predictProba(X));
});

test('NeuralNetClassifier: fit and predict leave no tensors behind, also when fit is aborted', async () => {
  await neuralBackend();
  const before = neuralMemory().numTensors;
  const { X, y } = makeContractData(300, 3, 8);
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 3, dropout: 0.2 }).fit(X, y, { evalSet: { X, y } });
  model.predictClassProba(X);
  assert.equal(neuralMemory().numTensors, before);
  const controller = new AbortController();
  const aborted = new NeuralNetClassifier({ ...FAST, epochs: 50 }).fit(X, y, {
    signal: controller.signal,
    callbacks: [{ onIterationEnd: (epoch) => (epoch === 1 ? controller.abort() : undefined) }],
  });
  await assert.rejects(aborted, AbortError);
  assert.equal(neuralMemory().numTensors, before);
});

test('NeuralNetClassifier: an aborted signal stops fit before the next epoch', async () => {
  const { X, y } = imbalanced(100, 0.5, 9);
  const controller = new AbortController();
  controller.abort();
  const model = new NeuralNetClassifier(FAST);
  await assert.rejects(model.fit(X, y, { signal: controller.signal }), /was aborted/);
  assert.throws(() => model.nClasses, NotFittedError);
});

test('NeuralNetClassifier: multi-class models give softmax probabilities and refuse binary-only methods', async () => {
  const { X, y } = makeContractData(200, 3, 10);
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 5 }).fit(X, y);
  assert.equal(model.predictRaw(X).cols, 3);
  assert.throws(() => model.predictProba(X), InputError);
  assert.throws(() => model.decisionFunction(X), InputError);
  const restored = fromJSON<NeuralNetClassifier>(JSON.parse(JSON.stringify(model.toJSON())));
  assert.deepEqual(restored.predictRaw(X).data, model.predictRaw(X).data);
  assert.deepEqual(restored.history, model.history);
});

test('NeuralNetClassifier: decisionFunction is the log-odds of predictProba, and predict applies the threshold', async () => {
  const { X, y } = makeContractData(150, 2, 11);
  const model = await new NeuralNetClassifier({ ...FAST, epochs: 5, activation: 'tanh' }).fit(X, y);
  const z = model.decisionFunction(X);
  const p = model.predictProba(X);
  for (let i = 0; i < X.rows; i++) assert.ok(Math.abs(p[i] - 1 / (1 + Math.exp(-z[i]))) < 1e-15);
  assert.deepEqual(
    model.predict(X, 0.3),
    Int32Array.from(p, (v) => (v >= 0.3 ? 1 : 0)),
  );
});

test('NeuralNetClassifier: bad inputs throw InputError with a message that says what to do', async () => {
  const { X, y } = makeContractData(40, 2, 12);
  const model = new NeuralNetClassifier(FAST);
  const withNaN = new Matrix(X.rows, X.cols, X.data.slice(), X.columns);
  withNaN.set(3, 2, Number.NaN);
  await assert.rejects(
    model.fit(withNaN, y),
    (e: Error) => e instanceof InputError && /impute.*GradientBoostingClassifier/.test(e.message),
  );
  const withInf = new Matrix(X.rows, X.cols, X.data.slice());
  withInf.set(0, 0, Number.POSITIVE_INFINITY);
  await assert.rejects(model.fit(withInf, y), /infinite value at row 0/);
  await assert.rejects(
    model.fit(
      X,
      Float64Array.from(y, (v, i) => (i === 5 ? Number.NaN : v)),
    ),
    /label at row 5 is NaN/,
  );
  await assert.rejects(model.fit(X, new Int32Array(X.rows)), /single class/);
  await assert.rejects(model.fit(X, y.subarray(1)), /40 rows but y has 39 labels/);
  await assert.rejects(model.fit(new Matrix(40, 0), y), /zero features/);
  await assert.rejects(
    model.fit(X, y, { evalSet: { X: X.selectColumns([0, 1]), y } }),
    /2 features but the model was fitted on 6/,
  );
  await model.fit(X, y);
  assert.throws(() => model.predictProba(withNaN), /impute/);
  assert.throws(() => model.predictProba(X.selectColumns([0])), InputError);
});

test('NeuralNetClassifier: bad params throw ConfigError naming the field', async () => {
  const { X, y } = makeContractData(40, 2, 13);
  const bad: NeuralNetParams[] = [
    { hiddenLayers: [0] },
    { dropout: 1 },
    { activation: 'swish' as never },
    { learningRate: 0 },
    { batchSize: 0 },
    { classWeight: { 2: 1 } },
    { classWeight: { 1: -1 } },
  ];
  for (const params of bad) await assert.rejects(new NeuralNetClassifier(params).fit(X, y), ConfigError, JSON.stringify(params));
});
