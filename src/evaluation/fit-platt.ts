import type { Labels, SampleWeight } from '../core/labels.js';

/** A fitted Platt sigmoid P(converted) = 1 / (1 + exp(−(slope · feature + intercept))). */
export interface PlattFit {
  slope: number;
  intercept: number;
  /** Newton iterations taken. */
  nIter: number;
  /** Weighted log loss against the (smoothed) targets at the solution. */
  loss: number;
}

export interface PlattFitOptions {
  /** Platt's targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) instead of 1 and 0. */
  targetSmoothing: boolean;
  maxIter: number;
}

/**
 * Fits the two-parameter logistic model of Platt (1999) on one feature by Newton's method
 * with a backtracking line search (as Lin, Lin & Weng, 2007, recommend), from Platt's start
 * (slope 0, intercept log((N₊ + 1)/(N₋ + 1))). Counts N₊ and N₋ are weighted. The loss is
 * strictly convex with smoothed targets, so the solution is unique and reached to rounding.
 * Inputs are assumed valid.
 */
export function fitPlatt(
  features: Float64Array,
  labels: Labels,
  sampleWeight: SampleWeight | undefined,
  options: PlattFitOptions,
): PlattFit {
  const n = features.length;
  const weights = Float64Array.from({ length: n }, (_, i) => (sampleWeight ? sampleWeight[i] : 1));
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < n; i++) labels[i] === 1 ? (positives += weights[i]) : (negatives += weights[i]);
  const high = options.targetSmoothing ? (positives + 1) / (positives + 2) : 1;
  const low = options.targetSmoothing ? 1 / (negatives + 2) : 0;
  const targets = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? high : low));
  let slope = 0;
  let intercept = Math.log((positives + 1) / (negatives + 1));
  let loss = plattLoss(features, targets, weights, slope, intercept);
  let nIter = 0;
  while (nIter < options.maxIter) {
    nIter++;
    const [dSlope, dIntercept] = newtonStep(features, targets, weights, slope, intercept);
    // Near the optimum the loss is flat to rounding, so a step may raise it by a few ulps and still improve the fit.
    const allowed = loss + 1e-12 * Math.abs(loss);
    let t = 1;
    let next = plattLoss(features, targets, weights, slope - dSlope, intercept - dIntercept);
    while (next > allowed && t > 1e-10) {
      t /= 2;
      next = plattLoss(features, targets, weights, slope - t * dSlope, intercept - t * dIntercept);
    }
    if (!(next <= allowed)) break;
    slope -= t * dSlope;
    intercept -= t * dIntercept;
    loss = next;
    if (Math.abs(t * dSlope) + Math.abs(t * dIntercept) <= 1e-13 * (1 + Math.abs(slope) + Math.abs(intercept))) break;
  }
  return { slope, intercept, nIter, loss };
}

/** The Newton direction H⁻¹g of the weighted cross-entropy at (slope, intercept), H ridged by 1e-12. */
function newtonStep(
  features: Float64Array,
  targets: Float64Array,
  weights: Float64Array,
  slope: number,
  intercept: number,
): [number, number] {
  let gSlope = 0;
  let gIntercept = 0;
  let hSS = 1e-12;
  let hSI = 0;
  let hII = 1e-12;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const p = sigmoid(slope * f + intercept);
    const r = weights[i] * (p - targets[i]);
    const h = weights[i] * p * (1 - p);
    gSlope += r * f;
    gIntercept += r;
    hSS += h * f * f;
    hSI += h * f;
    hII += h;
  }
  const det = hSS * hII - hSI * hSI;
  return [(hII * gSlope - hSI * gIntercept) / det, (hSS * gIntercept - hSI * gSlope) / det];
}

/** Σ w · [t · softplus(−z) + (1 − t) · softplus(z)], z = slope · f + intercept. */
export function plattLoss(
  features: Float64Array,
  targets: Float64Array,
  weights: Float64Array,
  slope: number,
  intercept: number,
): number {
  let total = 0;
  for (let i = 0; i < features.length; i++) {
    const z = slope * features[i] + intercept;
    const t = targets[i];
    total += weights[i] * (t * softplus(-z) + (1 - t) * softplus(z));
  }
  return total;
}

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1 / (1 + e⁻ᶻ). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
