import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeContractData } from '../../core/test-support/estimator-contract.js';
import { NeuralNetClassifier } from './neural-net-classifier.js';
import { fitFingerprint } from './test-support/fit-fingerprint.js';
import { neuralBackend, neuralMemory } from './tf-backend.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function runScript(name: string, args: string[] = [], backend?: string): Promise<Record<string, string>> {
  const script = fileURLToPath(new URL(`./test-support/${name}`, import.meta.url));
  const env = { ...process.env, LEADSTACK_TF_BACKEND: backend ?? process.env.LEADSTACK_TF_BACKEND ?? '' };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env });
  return JSON.parse(stdout);
}

function decode(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

async function canImport(specifier: string): Promise<boolean> {
  try {
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

test('neuralBackend picks tfjs-node when it imports, else the WebAssembly backend', async () => {
  const backend = await neuralBackend();
  const pinned = process.env.LEADSTACK_TF_BACKEND;
  if (pinned) assert.equal(backend, pinned);
  else if (await canImport('@tensorflow/tfjs-node')) assert.equal(backend, 'tensorflow');
  else assert.equal(backend, 'wasm');
  assert.equal(await neuralBackend(), backend, 'later calls share the first load');
  assert.equal(typeof neuralMemory().numTensors, 'number');
});

test('a seeded fit gives the same bytes in another process on the same backend, and near-equal ones on cpu', async () => {
  const [here, child, cpu] = await Promise.all([
    fitFingerprint(),
    runScript('print-fingerprint.ts'),
    runScript('print-fingerprint.ts', [], 'cpu'),
  ]);
  assert.equal(child.backend, here.backend);
  assert.equal(child.probabilities, here.probabilities, 'training and prediction are deterministic across processes');
  assert.equal(cpu.backend, 'cpu');
  const a = decode(here.probabilities);
  const b = decode(cpu.probabilities);
  for (let i = 0; i < a.length; i++)
    assert.ok(Math.abs(a[i] - b[i]) < 1e-4, `row ${i}: ${a[i]} (${here.backend}) vs ${b[i]} (cpu)`);
});

test('a model restored from JSON in a fresh process asks for neuralBackend() first, then predicts bit-identically', async () => {
  const { X, y } = makeContractData(100, 2, 5);
  const model = await new NeuralNetClassifier({ hiddenLayers: [8], epochs: 3 }).fit(X, y);
  const dir = await mkdtemp(join(tmpdir(), 'leadstack-neural-'));
  try {
    const file = join(dir, 'model.json');
    await writeFile(file, JSON.stringify({ model: model.toJSON(), X: X.toArrays() }));
    const out = await runScript('predict-from-json.ts', [file]);
    assert.match(out.before, /^LeadstackError: NeuralNetClassifier: TensorFlow.js is not loaded yet; await neuralBackend\(\)/);
    assert.deepEqual(decode(out.probabilities), model.predictProba(X));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
