/**
 * NeuralNetClassifier as a standard TensorFlow.js layers model: `model.json` (topology and
 * weights manifest) beside `weights.bin` (the float32 weights, concatenated little-endian), the
 * pair `tf.loadLayersModel` reads. Written with node:fs, so saving needs neither tfjs-node nor
 * a loaded backend. A leadstack section in `userDefinedMetadata` keeps the params, classes and
 * training history for a lossless reload.
 */
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SerializationError } from '../../core/errors.js';
import type { DenseLayer } from './dense-layers.js';
import { NeuralNetClassifier } from './neural-net-classifier.js';
import { type NeuralNetParams, resolveNeuralParams } from './neural-net-params.js';
import { encodeNeuralState, type NeuralState } from './neural-state.js';
import { loadTf } from './tf-backend.js';
import { buildTopology, denseName, parseTopology } from './tfjs-topology.js';

const MODEL_FILE = 'model.json';
const WEIGHTS_FILE = 'weights.bin';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
}

interface LeadstackMetadata {
  kind: string;
  params: NeuralNetParams;
  nClasses: number;
  backend: NeuralState['backend'];
  history: NeuralState['history'];
  bestEpoch: number | null;
  nEpochs: number;
}

/** Writes `dir/model.json` and `dir/weights.bin` (each to a temporary file first, then renamed into place). */
export async function saveTfjsModel(
  model: NeuralNetClassifier,
  dir: string,
): Promise<{ modelPath: string; weightsPath: string }> {
  const layers = model.layers();
  const p = resolveNeuralParams(model.params);
  const specs: WeightSpec[] = [];
  const parts: Buffer[] = [];
  layers.forEach((layer, l) => {
    specs.push({ name: `${denseName(l)}/kernel`, shape: [layer.inputs, layer.units], dtype: 'float32' });
    specs.push({ name: `${denseName(l)}/bias`, shape: [layer.units], dtype: 'float32' });
    parts.push(littleEndian(layer.kernel), littleEndian(layer.bias));
  });
  const metadata: LeadstackMetadata = {
    kind: model.kind,
    params: { ...model.params },
    nClasses: model.nClasses,
    backend: model.backend,
    history: model.history,
    bestEpoch: model.bestEpoch,
    nEpochs: model.nEpochs,
  };
  const manifest = {
    modelTopology: buildTopology(
      layers.map((layer) => [layer.inputs, layer.units]),
      p.activation,
      p.dropout,
    ),
    format: 'layers-model',
    generatedBy: 'leadstack',
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
    userDefinedMetadata: { leadstack: metadata },
  };
  await mkdir(dir, { recursive: true });
  const weightsPath = join(dir, WEIGHTS_FILE);
  const modelPath = join(dir, MODEL_FILE);
  await writeAtomically(weightsPath, Buffer.concat(parts));
  await writeAtomically(modelPath, `${JSON.stringify(manifest)}\n`);
  return { modelPath, weightsPath };
}

/** Reads a layers model of Dense layers (one saved by `saveTfjsModel`, or any sigmoid / softmax MLP) from `dir`. */
export async function loadTfjsModel(dir: string): Promise<NeuralNetClassifier> {
  const where = join(dir, MODEL_FILE);
  const json = parseJson(await readFile(where, 'utf8'), where);
  if (json.format !== undefined && json.format !== 'layers-model') {
    throw new SerializationError(`${where}: format is "${String(json.format)}"; only layers models can be loaded`);
  }
  const topology = parseTopology(json.modelTopology, where);
  const weights = await readWeights(dir, json.weightsManifest, where);
  const layers: DenseLayer[] = topology.shapes.map(([inputs, units], l) => ({
    inputs,
    units,
    kernel: takeWeight(weights, `${topology.names[l]}/kernel`, [inputs, units], where),
    bias: topology.useBias[l] ? takeWeight(weights, `${topology.names[l]}/bias`, [units], where) : new Float32Array(units),
  }));
  const meta = (json.userDefinedMetadata as { leadstack?: LeadstackMetadata } | undefined)?.leadstack;
  const units = layers[layers.length - 1].units;
  const state: NeuralState = {
    nClasses: meta?.nClasses ?? (units === 1 ? 2 : units),
    nFeatures: layers[0].inputs,
    layers,
    backend: meta?.backend ?? (await loadTf()).backend,
    history: meta?.history ?? { train: [], valid: [] },
    bestEpoch: meta?.bestEpoch ?? null,
    nEpochs: meta?.nEpochs ?? 0,
  };
  const params: NeuralNetParams = meta?.params ?? {
    hiddenLayers: layers.slice(0, -1).map((layer) => layer.units),
    activation: topology.activation,
    dropout: topology.dropout,
  };
  const model = NeuralNetClassifier.fromJSON({
    kind: 'NeuralNetClassifier',
    formatVersion: 1,
    params,
    state: encodeNeuralState(state),
  });
  await loadTf();
  return model;
}

async function readWeights(dir: string, manifest: unknown, where: string): Promise<Map<string, Float32Array>> {
  if (!Array.isArray(manifest)) throw new SerializationError(`${where}: weightsManifest is missing`);
  const out = new Map<string, Float32Array>();
  for (const group of manifest as { paths?: unknown; weights?: WeightSpec[] }[]) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group.weights)) {
      throw new SerializationError(`${where}: each weightsManifest entry needs paths and weights`);
    }
    const files = await Promise.all(group.paths.map((path) => readFile(join(dir, weightFileName(path, where)))));
    const data = Buffer.concat(files);
    let offset = 0;
    for (const spec of group.weights) {
      if (spec.dtype !== 'float32')
        throw new SerializationError(`${where}: weight ${spec.name} is ${spec.dtype}; only float32 is supported`);
      const bytes = 4 * spec.shape.reduce((a, b) => a * b, 1);
      if (offset + bytes > data.length) throw new SerializationError(`${where}: weight data ends before ${spec.name}`);
      const values = new Float32Array(bytes / 4);
      for (let i = 0; i < values.length; i++) values[i] = data.readFloatLE(offset + 4 * i);
      out.set(spec.name, values);
      offset += bytes;
    }
  }
  return out;
}

/** Weight files must sit beside model.json (no directories, so a manifest cannot point elsewhere). */
function weightFileName(path: unknown, where: string): string {
  const name = typeof path === 'string' ? path.replace(/^\.\//, '') : '';
  if (name === '' || name !== basename(name) || name === '..') {
    throw new SerializationError(`${where}: weight file path ${JSON.stringify(path)} must name a file beside model.json`);
  }
  return name;
}

function takeWeight(weights: Map<string, Float32Array>, name: string, shape: number[], where: string): Float32Array {
  const values = weights.get(name);
  const size = shape.reduce((a, b) => a * b, 1);
  if (!values) throw new SerializationError(`${where}: weight ${name} is not in the weights manifest`);
  if (values.length !== size)
    throw new SerializationError(`${where}: weight ${name} has ${values.length} values, expected ${size}`);
  return values;
}

function parseJson(text: string, where: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new SerializationError(`${where}: not a JSON object`);
}

function littleEndian(values: Float32Array): Buffer {
  const out = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeFloatLE(values[i], 4 * i);
  return out;
}

let tempSequence = 0;

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.${++tempSequence}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
