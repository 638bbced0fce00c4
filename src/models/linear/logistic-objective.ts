import type { DesignMatrix } from './design-matrix.js';

/**
 * The smooth part of the (per-row) logistic objective the solvers minimise:
 *
 *   F(W) = Σᵢ sᵢ·lossᵢ / Σᵢ sᵢ  +  l2 / 2 · ‖coefficients‖²
 *
 * with sᵢ the effective row weights (sample × class weights). Multiplying by C·Σsᵢ gives
 * scikit-learn's objective C·Σ sᵢ·lossᵢ + ½‖w‖², so the minimiser is the same. Binary
 * problems use one coefficient block and the sigmoid; K > 2 classes use K blocks and the
 * softmax (multinomial). Each block holds `cols` coefficients and one intercept slot;
 * intercepts are never penalised (and stay at 0 when `fitIntercept` is false).
 */
export interface LogisticProblem {
  design: DesignMatrix;
  labels: Int32Array;
  /** Effective row weights. */
  weights: Float64Array;
  nClasses: number;
  fitIntercept: boolean;
  /** Coefficient of ½‖w‖² in F (already divided by C·Σsᵢ). */
  l2: number;
}

export interface LogisticObjective {
  /** Number of coefficient blocks: 1 for binary, nClasses otherwise. */
  readonly blocks: number;
  /** Length of the parameter vector: blocks × (cols + 1). */
  readonly size: number;
  /** F(W); writes ∇F into `gradient`. */
  evaluate(W: Float64Array, gradient: Float64Array): number;
  /** The weighted mean log loss at the W of the last `evaluate` call. */
  lastLoss(): number;
  /** Whether parameter index p is a (penalised) coefficient rather than an intercept. */
  isPenalized(p: number): boolean;
  /**
   * The Hessian of F with respect to one coefficient block at W (binary problems have
   * one block, and this is the full Hessian; multinomial ones get the k-th diagonal
   * block): a (cols + 1)² matrix, intercept last, whose intercept row and column are
   * zero when `fitIntercept` is false.
   */
  hessian(W: Float64Array, block?: number): Float64Array;
}

export function makeLogisticObjective(problem: LogisticProblem): LogisticObjective {
  const { design, labels, weights, nClasses, fitIntercept, l2 } = problem;
  const n = design.rows;
  const d = design.cols;
  const stride = d + 1;
  const K = nClasses === 2 ? 1 : nClasses;
  const Z = new Float64Array(n * K);
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i];
  const scaledWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) scaledWeights[i] = weights[i] / weightSum;
  let loss = Number.NaN;

  const evaluate = (W: Float64Array, gradient: Float64Array): number => {
    design.multiply(W, K, Z);
    // Z becomes the residual matrix R (∂loss/∂z, weighted) in place.
    loss = K === 1 ? binaryResiduals(Z, W[d], labels, scaledWeights) : softmaxResiduals(Z, K, W, stride, labels, scaledWeights);
    design.multiplyTransposed(Z, K, gradient);
    let penalty = 0;
    for (let k = 0; k < K; k++) {
      const o = k * stride;
      for (let j = 0; j < d; j++) {
        const w = W[o + j];
        penalty += w * w;
        gradient[o + j] += l2 * w;
      }
      let interceptGradient = 0;
      if (fitIntercept) for (let i = 0; i < n; i++) interceptGradient += Z[i * K + k];
      gradient[o + d] = interceptGradient;
    }
    return loss + 0.5 * l2 * penalty;
  };

  const hessian = (W: Float64Array, block = 0): Float64Array => {
    const curvature = K === 1 ? binaryCurvature(W) : softmaxCurvature(W, block);
    const H = design.weightedGram(curvature);
    for (let j = 0; j < d; j++) H[j * stride + j] += l2;
    if (!fitIntercept) for (let j = 0; j <= d; j++) H[j * stride + d] = H[d * stride + j] = 0;
    return H;
  };

  /** sᵢ·pᵢ(1 − pᵢ) per row (weights already divided by Σs). */
  const binaryCurvature = (W: Float64Array): Float64Array => {
    const curvature = new Float64Array(n);
    design.multiply(W, 1, curvature);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(curvature[i] + W[d])));
      curvature[i] = scaledWeights[i] * p * (1 - p);
    }
    return curvature;
  };

  /** sᵢ·pᵢₖ(1 − pᵢₖ) per row for class k: the k-th diagonal block of the multinomial Hessian. */
  const softmaxCurvature = (W: Float64Array, k: number): Float64Array => {
    const logits = new Float64Array(n * K);
    design.multiply(W, K, logits);
    const curvature = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * K;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < K; c++) max = Math.max(max, (logits[o + c] += W[c * stride + d]));
      let sum = 0;
      for (let c = 0; c < K; c++) sum += Math.exp(logits[o + c] - max);
      const p = Math.exp(logits[o + k] - max) / sum;
      curvature[i] = scaledWeights[i] * p * (1 - p);
    }
    return curvature;
  };

  return {
    blocks: K,
    size: K * stride,
    evaluate,
    lastLoss: () => loss,
    isPenalized: (p: number) => p % stride !== d,
    hessian,
  };
}

/** Turns Z (logits without intercept) into weighted residuals sᵢ(pᵢ − yᵢ); returns the weighted mean loss. */
function binaryResiduals(Z: Float64Array, intercept: number, labels: Int32Array, weights: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < Z.length; i++) {
    const z = Z[i] + intercept;
    const w = weights[i];
    // softplus(z) − y·z, evaluated without overflow.
    const ez = Math.exp(-Math.abs(z));
    const softplus = Math.max(z, 0) + Math.log1p(ez);
    const p = z >= 0 ? 1 / (1 + ez) : ez / (1 + ez);
    const y = labels[i] === 1 ? 1 : 0;
    loss += w * (softplus - y * z);
    Z[i] = w * (p - y);
  }
  return loss;
}

function softmaxResiduals(
  Z: Float64Array,
  K: number,
  W: Float64Array,
  stride: number,
  labels: Int32Array,
  weights: Float64Array,
): number {
  const n = labels.length;
  const d = stride - 1;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const o = i * K;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      const z = Z[o + k] + W[k * stride + d];
      Z[o + k] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(Z[o + k] - max);
    const logSum = max + Math.log(sum);
    const w = weights[i];
    const y = labels[i];
    loss += w * (logSum - Z[o + y]);
    for (let k = 0; k < K; k++) Z[o + k] = w * (Math.exp(Z[o + k] - logSum) - (k === y ? 1 : 0));
  }
  return loss;
}
