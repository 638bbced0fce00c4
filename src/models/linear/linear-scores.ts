import type { Matrix } from '../../core/matrix.js';

/**
 * Scores of a linear model: S[i·K + k] = Σⱼ X[i, j]·W[k·(d+1) + j] + W[k·(d+1) + d]
 * (class-major blocks, intercept last). Prediction always goes through this function,
 * so a model restored from JSON scores bit-identically.
 */
export function linearScores(X: Matrix, W: Float64Array, K: number): Float64Array {
  const { rows: n, cols: d, data } = X;
  const stride = d + 1;
  const out = new Float64Array(n * K);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let k = 0; k < K; k++) {
      const w = k * stride;
      let s = W[w + d];
      for (let j = 0; j < d; j++) s += data[o + j] * W[w + j];
      out[i * K + k] = s;
    }
  }
  return out;
}

/** 1 / (1 + e^(−z)) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Row-wise softmax of an n × K score array (new array). */
export function softmaxRows(scores: Float64Array, K: number): Float64Array {
  const out = new Float64Array(scores.length);
  for (let o = 0; o < scores.length; o += K) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) max = Math.max(max, scores[o + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += out[o + k] = Math.exp(scores[o + k] - max);
    for (let k = 0; k < K; k++) out[o + k] /= sum;
  }
  return out;
}

/** Weighted mean log loss of scores (K = 1: binary log-odds; else softmax logits). */
export function meanLogLoss(scores: Float64Array, K: number, labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    let loss: number;
    if (K === 1) {
      const z = scores[i];
      loss = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (labels[i] === 1 ? z : 0);
    } else {
      const o = i * K;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[o + k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(scores[o + k] - max);
      loss = max + Math.log(sum) - scores[o + labels[i]];
    }
    total += w * loss;
    weightSum += w;
  }
  return total / weightSum;
}
