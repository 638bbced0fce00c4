import { Matrix } from '../../core/matrix.js';

/**
 * Float64 arithmetic on the network's float32 logits: probabilities and the weighted log loss.
 * Doing this outside tfjs makes probabilities sum to 1 to double precision and keeps
 * `predictProba` and the logged validation loss on the same numbers.
 */

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Rows × classes probabilities: sigmoid of one logit per row (binary) or softmax of one logit per class. */
export function probabilitiesFromLogits(logits: Float32Array, rows: number, nClasses: number): Matrix {
  const out = new Float64Array(rows * nClasses);
  if (nClasses === 2) {
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(logits[i]);
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return new Matrix(rows, 2, out);
  }
  for (let i = 0; i < rows; i++) {
    const base = i * nClasses;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, logits[base + k]);
    let total = 0;
    for (let k = 0; k < nClasses; k++) total += out[base + k] = Math.exp(logits[base + k] - max);
    for (let k = 0; k < nClasses; k++) out[base + k] /= total;
  }
  return new Matrix(rows, nClasses, out);
}

/** Weighted mean log loss Σ wᵢ·lossᵢ / Σ wᵢ from logits (rows × outputs; 1 output = binary). */
export function logLossFromLogits(
  logits: Float32Array,
  outputs: number,
  labels: ArrayLike<number>,
  weights: ArrayLike<number> | null,
): number {
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    total += w * rowLoss(logits, outputs, i, labels[i]);
    weightSum += w;
  }
  return weightSum > 0 ? total / weightSum : Number.NaN;
}

function rowLoss(logits: Float32Array, outputs: number, i: number, label: number): number {
  if (outputs === 1) {
    const z = logits[i];
    return Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z)));
  }
  const base = i * outputs;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < outputs; k++) max = Math.max(max, logits[base + k]);
  let total = 0;
  for (let k = 0; k < outputs; k++) total += Math.exp(logits[base + k] - max);
  return max + Math.log(total) - logits[base + label];
}
