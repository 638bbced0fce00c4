import type { Labels } from '../../core/labels.js';

/**
 * Log loss for boosting: binary (one raw score per row, the log-odds) or multi-class softmax
 * (one raw score per class). Raw scores are row-major rows × outputs.
 */

const MIN_HESSIAN = 1e-16;
const EPS = 2.220446049250313e-16;

/** Number of raw scores per row: 1 for binary, nClasses otherwise. */
export function outputsOf(nClasses: number): number {
  return nClasses === 2 ? 1 : nClasses;
}

/** Starting raw scores: log-odds of the weighted positive rate, or log class shares. */
export function initialScores(y: Labels, weights: Float64Array, nClasses: number, baseScore: number | null = null): Float64Array {
  if (baseScore !== null) return Float64Array.of(Math.log(baseScore / (1 - baseScore)));
  const totals = new Float64Array(nClasses);
  let all = 0;
  for (let i = 0; i < y.length; i++) {
    totals[y[i]] += weights[i];
    all += weights[i];
  }
  const share = (k: number) => Math.min(1 - 1e-12, Math.max(1e-12, totals[k] / all));
  if (nClasses === 2) return Float64Array.of(Math.log(share(1) / (1 - share(1))));
  return Float64Array.from({ length: nClasses }, (_, k) => Math.log(share(k)));
}

/** Gradients and hessians of the weighted log loss for every output (grad[k][i], hess[k][i]). */
export function computeGradients(
  raw: Float64Array,
  y: Labels,
  weights: Float64Array,
  nOutputs: number,
  grad: Float64Array[],
  hess: Float64Array[],
): void {
  const n = y.length;
  if (nOutputs === 1) {
    const g = grad[0];
    const h = hess[0];
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]));
      const w = weights[i];
      g[i] = (p - (y[i] === 1 ? 1 : 0)) * w;
      h[i] = Math.max(p * (1 - p), MIN_HESSIAN) * w;
    }
    return;
  }
  const p = new Float64Array(nOutputs);
  for (let i = 0; i < n; i++) {
    softmaxRow(raw, i * nOutputs, nOutputs, p);
    const w = weights[i];
    for (let k = 0; k < nOutputs; k++) {
      grad[k][i] = (p[k] - (y[i] === k ? 1 : 0)) * w;
      hess[k][i] = Math.max(p[k] * (1 - p[k]), MIN_HESSIAN) * w;
    }
  }
}

/** Weighted mean log loss of raw scores. */
export function rawLogLoss(raw: Float64Array, y: Labels, weights: ArrayLike<number> | null, nOutputs: number): number {
  let total = 0;
  let weightSum = 0;
  const p = new Float64Array(Math.max(2, nOutputs));
  for (let i = 0; i < y.length; i++) {
    let q: number;
    if (nOutputs === 1) {
      const prob = 1 / (1 + Math.exp(-raw[i]));
      q = y[i] === 1 ? prob : 1 - prob;
    } else {
      softmaxRow(raw, i * nOutputs, nOutputs, p);
      q = p[y[i]];
    }
    const w = weights ? weights[i] : 1;
    total -= w * Math.log(Math.min(1 - EPS, Math.max(EPS, q)));
    weightSum += w;
  }
  return weightSum > 0 ? total / weightSum : 0;
}

/** Softmax of raw[at..at+k) into out. */
export function softmaxRow(raw: Float64Array, at: number, k: number, out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) max = Math.max(max, raw[at + c]);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(raw[at + c] - max);
    sum += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
}
