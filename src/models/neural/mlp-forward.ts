import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs';
import type { Matrix } from '../../core/matrix.js';
import type { DenseLayer } from './dense-layers.js';
import type { Activation } from './neural-net-params.js';
import type { Tf } from './tf-backend.js';

/** A dense layer's weights as tensors. */
export interface DenseTensors {
  kernel: Tensor2D;
  bias: Tensor1D;
}

/**
 * x · kernel + bias, then the activation (`null` = linear, for the output layer). ReLU and the
 * logistic function are fused into the matrix product.
 */
export function denseForward(tf: Tf, x: Tensor2D, layer: DenseTensors, activation: Activation | null): Tensor2D {
  const fused = activation === 'relu' ? 'relu' : activation === 'logistic' ? 'sigmoid' : 'linear';
  const z = tf.fused.matMul({ a: x, b: layer.kernel, bias: layer.bias, activation: fused }) as Tensor2D;
  return activation === 'tanh' ? tf.tanh(z) : z;
}

/** The network's raw outputs (logits) for a batch, with no dropout. */
export function forwardLogits(tf: Tf, x: Tensor2D, layers: readonly DenseTensors[], activation: Activation): Tensor2D {
  let h = x;
  layers.forEach((layer, l) => {
    h = denseForward(tf, h, layer, l + 1 < layers.length ? activation : null);
  });
  return h;
}

export function uploadLayers(tf: Tf, layers: readonly DenseLayer[]): DenseTensors[] {
  return layers.map((layer) => ({
    kernel: tf.tensor2d(layer.kernel, [layer.inputs, layer.units]),
    bias: tf.tensor1d(layer.bias),
  }));
}

export function disposeLayers(layers: readonly DenseTensors[]): void {
  for (const layer of layers) {
    layer.kernel.dispose();
    layer.bias.dispose();
  }
}

/**
 * Logits of every row of X (rows × output units, float32), computed `batchSize` rows at a time.
 * Training (validation loss) and prediction both come through here, so they agree to the bit.
 */
export function predictLogits(
  tf: Tf,
  layers: readonly DenseLayer[],
  activation: Activation,
  X: Matrix,
  batchSize: number,
): Float32Array {
  const d = X.cols;
  const units = layers[layers.length - 1].units;
  const out = new Float32Array(X.rows * units);
  const weights = uploadLayers(tf, layers);
  try {
    for (let start = 0; start < X.rows; start += batchSize) {
      const m = Math.min(batchSize, X.rows - start);
      const rows = Float32Array.from(X.data.subarray(start * d, (start + m) * d));
      const logits = tf.tidy(() => forwardLogits(tf, tf.tensor2d(rows, [m, d]), weights, activation));
      out.set(logits.dataSync(), start * units);
      logits.dispose();
    }
  } finally {
    disposeLayers(weights);
  }
  return out;
}
