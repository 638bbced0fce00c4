import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SerializationError } from '../../core/errors.js';
import { makeContractData } from '../../core/test-support/estimator-contract.js';
import { loadTfjsModel, NeuralNetClassifier, saveTfjsModel } from './index.js';
import { loadTf } from './tf-backend.js';

const root = await mkdtemp(join(tmpdir(), 'leadstack-tfjs-'));
after(() => rm(root, { recursive: true, force: true }));

test('saveTfjsModel writes model.json + weights.bin that load back and predict bit-identically', async () => {
  const { X, y } = makeContractData(200, 2, 1);
  const model = await new NeuralNetClassifier({ hiddenLayers: [8, 4], epochs: 5, dropout: 0.1, randomState: 3 }).fit(X, y);
  const dir = join(root, 'binary');
  await saveTfjsModel(model, dir);
  assert.deepEqual((await readdir(dir)).sort(), ['model.json', 'weights.bin'], 'no temporary files are left behind');
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  assert.equal(json.format, 'layers-model');
  assert.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
  assert.deepEqual(
    json.weightsManifest[0].weights.map((w: { name: string }) => w.name),
    ['dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias', 'dense_3/kernel', 'dense_3/bias'],
  );
  assert.equal((await readFile(join(dir, 'weights.bin'))).length, 4 * (6 * 8 + 8 + 8 * 4 + 4 + 4 + 1));
  const loaded = await loadTfjsModel(dir);
  assert.deepEqual(loaded.predictProba(X), model.predictProba(X));
  assert.deepEqual(loaded.params, model.params);
  assert.deepEqual(loaded.history, model.history);
  assert.equal(loaded.backend, model.backend);
});

test('tfjs itself loads the saved files as a layers model with the same probabilities', async () => {
  const { X, y } = makeContractData(120, 3, 2);
  const model = await new NeuralNetClassifier({ hiddenLayers: [8], epochs: 5, activation: 'tanh', dropout: 0.2 }).fit(X, y);
  const dir = join(root, 'multi');
  await saveTfjsModel(model, dir);
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const weights = await readFile(join(dir, 'weights.bin'));
  const { tf } = await loadTf();
  const layersModel = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
  const input = tf.tensor2d(Float32Array.from(X.data), [X.rows, X.cols]);
  const output = layersModel.predict(input) as import('@tensorflow/tfjs').Tensor;
  const theirs = output.dataSync();
  tf.dispose([input, output]);
  layersModel.dispose();
  const ours = model.predictClassProba(X).data;
  assert.equal(theirs.length, ours.length);
  for (let i = 0; i < ours.length; i++) assert.ok(Math.abs(theirs[i] - ours[i]) < 1e-5, `entry ${i}: ${theirs[i]} vs ${ours[i]}`);
  const reloaded = await loadTfjsModel(dir);
  assert.deepEqual(reloaded.predictClassProba(X).data, ours);
});

test('loadTfjsModel reads a plain tfjs MLP without leadstack metadata', async () => {
  const { X, y } = makeContractData(100, 2, 3);
  const model = await new NeuralNetClassifier({ hiddenLayers: [5], epochs: 3, activation: 'logistic' }).fit(X, y);
  const dir = join(root, 'plain');
  await saveTfjsModel(model, dir);
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  delete json.userDefinedMetadata;
  json.weightsManifest[0].paths = ['./weights.bin'];
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  const loaded = await loadTfjsModel(dir);
  assert.deepEqual(loaded.params, { hiddenLayers: [5], activation: 'logistic', dropout: 0 });
  assert.equal(loaded.nClasses, 2);
  assert.deepEqual(loaded.predictProba(X), model.predictProba(X));
});

test('loadTfjsModel rejects models it cannot run and weight paths outside the folder', async () => {
  const { X, y } = makeContractData(100, 2, 4);
  const model = await new NeuralNetClassifier({ hiddenLayers: [4], epochs: 2 }).fit(X, y);
  const dir = join(root, 'bad');
  await saveTfjsModel(model, dir);
  const good = await readFile(join(dir, 'model.json'), 'utf8');
  // biome-ignore lint/suspicious/noExplicitAny: each edit reaches into a different part of model.json
  const edits: [string, (json: any) => void, RegExp][] = [
    ['escaping path', (j) => (j.weightsManifest[0].paths = ['../secret.bin']), /beside model.json/],
    ['conv layer', (j) => (j.modelTopology.config.layers[0].class_name = 'Conv2D'), /Conv2D is not supported/],
    ['linear output', (j) => (j.modelTopology.config.layers[1].config.activation = 'linear'), /must use sigmoid/],
    [
      'missing weight',
      (j) => (j.weightsManifest[0].weights[1].name = 'other/bias'),
      /dense_1\/bias is not in the weights manifest/,
    ],
    ['quantized', (j) => (j.weightsManifest[0].weights[0].dtype = 'uint8'), /only float32/],
  ];
  for (const [what, edit, message] of edits) {
    const json = JSON.parse(good);
    edit(json);
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await assert.rejects(loadTfjsModel(dir), (e: Error) => e instanceof SerializationError && message.test(e.message), what);
  }
});
