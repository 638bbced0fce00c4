import { SerializationError } from '../../core/errors.js';
import { decodeArray, type EncodedArray, encodeArray } from '../../core/serialization.js';
import { type DenseLayer, outputUnits } from './dense-layers.js';
import type { NeuralBackend } from './tf-backend.js';

/** What NeuralNetClassifier learns in fit. */
export interface NeuralState {
  nClasses: number;
  nFeatures: number;
  layers: DenseLayer[];
  /** The tfjs backend that trained the weights. */
  backend: NeuralBackend;
  /** Loss per epoch: `train` always, `valid` when there were validation rows. */
  history: { train: number[]; valid: number[] };
  bestEpoch: number | null;
  nEpochs: number;
}

/** The JSON form: weights and biases as base64 float32 arrays with their shapes. */
export interface EncodedNeuralState {
  nClasses: number;
  nFeatures: number;
  layers: { shape: [number, number]; kernel: EncodedArray; bias: EncodedArray }[];
  backend: NeuralBackend;
  history: { train: (number | null)[]; valid: (number | null)[] };
  bestEpoch: number | null;
  nEpochs: number;
}

export function encodeNeuralState(state: NeuralState): EncodedNeuralState {
  return {
    nClasses: state.nClasses,
    nFeatures: state.nFeatures,
    layers: state.layers.map((layer) => ({
      shape: [layer.inputs, layer.units],
      kernel: encodeArray(layer.kernel),
      bias: encodeArray(layer.bias),
    })),
    backend: state.backend,
    history: { train: [...state.history.train], valid: [...state.history.valid] },
    bestEpoch: state.bestEpoch,
    nEpochs: state.nEpochs,
  };
}

export function decodeNeuralState(encoded: EncodedNeuralState, who: string): NeuralState {
  if (!encoded || !Array.isArray(encoded.layers) || encoded.layers.length === 0) {
    throw new SerializationError(`${who}: serialized state has no layers`);
  }
  const layers = encoded.layers.map((layer, l) => {
    const [inputs, units] = layer.shape ?? [];
    const kernel = decodeArray<Float32Array>(layer.kernel);
    const bias = decodeArray<Float32Array>(layer.bias);
    if (!(kernel instanceof Float32Array) || !(bias instanceof Float32Array)) {
      throw new SerializationError(`${who}: layer ${l} weights must be float32 arrays`);
    }
    return { inputs, units, kernel, bias };
  });
  const state: NeuralState = {
    nClasses: encoded.nClasses,
    nFeatures: encoded.nFeatures,
    layers,
    backend: encoded.backend,
    history: {
      train: (encoded.history?.train ?? []).map((v) => v ?? Number.NaN),
      valid: (encoded.history?.valid ?? []).map((v) => v ?? Number.NaN),
    },
    bestEpoch: encoded.bestEpoch ?? null,
    nEpochs: encoded.nEpochs ?? 0,
  };
  assertConsistentLayers(state, who);
  return state;
}

/** Layer shapes must chain from nFeatures inputs to the output units of nClasses. */
export function assertConsistentLayers(state: Pick<NeuralState, 'layers' | 'nClasses' | 'nFeatures'>, who: string): void {
  const { layers, nClasses, nFeatures } = state;
  if (!Number.isInteger(nClasses) || nClasses < 2) throw new SerializationError(`${who}: nClasses must be ≥ 2, got ${nClasses}`);
  let width = nFeatures;
  layers.forEach((layer, l) => {
    if (!Number.isInteger(layer.inputs) || !Number.isInteger(layer.units) || layer.inputs !== width || layer.units < 1) {
      throw new SerializationError(`${who}: layer ${l} has shape [${layer.inputs}, ${layer.units}], expected [${width}, …]`);
    }
    if (layer.kernel.length !== layer.inputs * layer.units || layer.bias.length !== layer.units) {
      throw new SerializationError(
        `${who}: layer ${l} has ${layer.kernel.length} weights and ${layer.bias.length} biases for shape [${layer.inputs}, ${layer.units}]`,
      );
    }
    width = layer.units;
  });
  if (width !== outputUnits(nClasses)) {
    throw new SerializationError(
      `${who}: the output layer has ${width} units, expected ${outputUnits(nClasses)} for ${nClasses} classes`,
    );
  }
}
