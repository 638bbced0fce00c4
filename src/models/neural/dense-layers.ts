import type { Rng } from '../../core/rng.js';
import type { Activation } from './neural-net-params.js';

/** One fully connected layer: `kernel` is inputs × units, row-major (tfjs / Keras layout). */
export interface DenseLayer {
  inputs: number;
  units: number;
  kernel: Float32Array;
  bias: Float32Array;
}

/** Layer widths from the input to the output: [features, ...hidden, outputs]. */
export function layerSizes(nFeatures: number, hiddenLayers: readonly number[], nOutputs: number): number[] {
  return [nFeatures, ...hiddenLayers, nOutputs];
}

/** One output unit (a logit) for binary models, one per class otherwise. */
export function outputUnits(nClasses: number): number {
  return nClasses === 2 ? 1 : nClasses;
}

/**
 * Where each kernel and bias sits in the flat parameter vector: kernel 0, bias 0, kernel 1, …
 * (the order gradients come back in).
 */
export function parameterSegments(sizes: readonly number[]): { offset: number; length: number; isKernel: boolean }[] {
  const out: { offset: number; length: number; isKernel: boolean }[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    out.push({ offset, length: sizes[l] * sizes[l + 1], isKernel: true });
    offset += sizes[l] * sizes[l + 1];
    out.push({ offset, length: sizes[l + 1], isKernel: false });
    offset += sizes[l + 1];
  }
  return out;
}

export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += (sizes[l] + 1) * sizes[l + 1];
  return n;
}

/**
 * Glorot-uniform initial weights and biases, as scikit-learn's MLP draws them: uniform in
 * ±√(f / (fanIn + fanOut)) with f = 2 for logistic layers and 6 otherwise.
 */
export function initialParameters(sizes: readonly number[], activation: Activation, rng: Rng): Float64Array {
  const theta = new Float64Array(parameterCount(sizes));
  const segments = parameterSegments(sizes);
  for (let l = 0; l + 1 < sizes.length; l++) {
    const factor = activation === 'logistic' ? 2 : 6;
    const bound = Math.sqrt(factor / (sizes[l] + sizes[l + 1]));
    for (const s of [segments[2 * l], segments[2 * l + 1]]) {
      for (let i = s.offset; i < s.offset + s.length; i++) theta[i] = rng.uniform(-bound, bound);
    }
  }
  return theta;
}

/** Float32 layers holding copies of a flat parameter vector. */
export function layersFromFlat(sizes: readonly number[], flat: Float32Array | Float64Array): DenseLayer[] {
  const segments = parameterSegments(sizes);
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const k = segments[2 * l];
    const b = segments[2 * l + 1];
    layers.push({
      inputs: sizes[l],
      units: sizes[l + 1],
      kernel: Float32Array.from(flat.subarray(k.offset, k.offset + k.length)),
      bias: Float32Array.from(flat.subarray(b.offset, b.offset + b.length)),
    });
  }
  return layers;
}

/** Copies of the layers (so callers cannot change a fitted model). */
export function copyLayers(layers: readonly DenseLayer[]): DenseLayer[] {
  return layers.map((layer) => ({ ...layer, kernel: layer.kernel.slice(), bias: layer.bias.slice() }));
}
