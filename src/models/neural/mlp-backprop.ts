import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import type { Minibatch } from './minibatch.js';
import { type DenseTensors, denseForward } from './mlp-forward.js';
import type { Activation } from './neural-net-params.js';
import type { Tf } from './tf-backend.js';

/** A minibatch's weighted mean loss and its gradient (kernel 0 row-major, bias 0, kernel 1, …). */
export interface BatchGradients {
  loss: number;
  gradient: Float32Array;
}

/**
 * One forward and backward pass over a minibatch, written out by hand (no tape) for the
 * weighted mean log loss L = Σ stepWeightᵢ · lossᵢ. The logits come back to JavaScript once:
 * the loss and ∂L/∂logits are computed there in float64, which saves a dozen small tensor ops
 * per step; then the gradients go back up through the layers and return as one array. Weight
 * gradients are products of already-transposed operands, the fast path of the wasm backend.
 */
export function batchGradients(
  tf: Tf,
  layers: readonly DenseTensors[],
  batch: Minibatch,
  activation: Activation,
): BatchGradients {
  let result: BatchGradients | null = null;
  tf.tidy(() => {
    const m = batch.rows;
    const d = layers[0].kernel.shape[0];
    const outputs = layers[layers.length - 1].kernel.shape[1];
    const last = layers.length - 1;
    const inputs: Tensor2D[] = [tf.tensor2d(batch.x, [m, d])];
    const activations: Tensor2D[] = [];
    const masks = batch.masks?.map((mask, l) => tf.tensor2d(mask, [m, layers[l].kernel.shape[1]])) ?? null;
    for (let l = 0; l < last; l++) {
      const a = denseForward(tf, inputs[l], layers[l], activation);
      activations.push(a);
      inputs.push(masks ? tf.mul(a, masks[l]) : a);
    }
    const logits = denseForward(tf, inputs[last], layers[last], null).dataSync() as Float32Array;
    const { loss, dLogits } = outputGradient(logits, batch, outputs);
    const parts: Tensor[] = new Array(2 * layers.length);
    let dz = tf.tensor2d(dLogits, [m, outputs]);
    for (let l = last; l >= 0; l--) {
      const inputT = l === 0 ? tf.tensor2d(batch.xT, [d, m]) : tf.transpose(inputs[l]);
      parts[2 * l] = tf.reshape(tf.matMul(inputT, dz), [-1]);
      parts[2 * l + 1] = tf.sum(dz, 0);
      if (l === 0) break;
      let dh: Tensor2D = tf.matMul(dz, tf.transpose(layers[l].kernel));
      if (masks) dh = tf.mul(dh, masks[l - 1]);
      dz = activationGradient(tf, dh, activations[l - 1], activation);
    }
    result = { loss, gradient: tf.concat(parts).dataSync() as Float32Array };
  });
  return result!;
}

/**
 * Σ stepWeight · loss over the batch and its derivative in the logits: binary cross-entropy
 * softplus(z) − y·z with derivative σ(z) − y, or categorical cross-entropy −log softmax(z)ᵧ with
 * derivative softmax(z) − onehot(y); each row scaled by its step weight.
 */
export function outputGradient(logits: Float32Array, batch: Minibatch, outputs: number): { loss: number; dLogits: Float32Array } {
  const { target, stepWeight } = batch;
  const dLogits = new Float32Array(logits.length);
  let loss = 0;
  for (let r = 0; r < batch.rows; r++) {
    const w = stepWeight[r];
    if (outputs === 1) {
      const z = logits[r];
      loss += w * (Math.max(z, 0) - z * target[r] + Math.log1p(Math.exp(-Math.abs(z))));
      dLogits[r] = w * (1 / (1 + Math.exp(-z)) - target[r]);
      continue;
    }
    const base = r * outputs;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < outputs; k++) max = Math.max(max, logits[base + k]);
    let total = 0;
    for (let k = 0; k < outputs; k++) total += Math.exp(logits[base + k] - max);
    const logTotal = Math.log(total);
    for (let k = 0; k < outputs; k++) {
      const logp = logits[base + k] - max - logTotal;
      loss -= w * target[base + k] * logp;
      dLogits[base + k] = w * (Math.exp(logp) - target[base + k]);
    }
  }
  return { loss, dLogits };
}

/** ∂L/∂z of a hidden layer from ∂L/∂a and its output a = f(z). */
function activationGradient(tf: Tf, dh: Tensor2D, a: Tensor2D, activation: Activation): Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.mul(dh, tf.step(a));
    case 'tanh':
      return tf.mul(dh, tf.sub(1, tf.square(a)));
    case 'logistic':
      return tf.mul(dh, tf.mul(a, tf.sub(1, a)));
    case 'identity':
      return dh;
  }
}
