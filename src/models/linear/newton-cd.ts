import type { L1Options } from './owlqn.js';
import { makeYielder, maxAbs, type SmoothFunction, type SolverOptions, type SolverResult } from './solver-types.js';

/** The Hessian of the smooth part with respect to one block of `blockSize` parameters. */
export type BlockHessian = (x: Float64Array, block: number) => Float64Array;

export interface BlockLayout {
  /** Number of parameter blocks (1 for binary, K for multinomial). */
  blocks: number;
  /** Parameters per block. */
  blockSize: number;
  /** Whether parameter p must stay at its starting value (an intercept that is not fitted). */
  isFixed: (p: number) => boolean;
}

/**
 * Proximal Newton with coordinate descent (the newGLMNET scheme of liblinear's L1
 * logistic solver, glmnet's quadratic approximation): for each block, minimise the
 * local quadratic model of the smooth part plus the exact L1 term by cyclic coordinate
 * descent with soft-thresholding, then backtrack along that step until the objective
 * drops by a share of the predicted decrease. Multinomial problems cycle over the
 * class blocks, each with its exact diagonal Hessian block. Converged when both the
 * pseudo-gradient and the last sweep's steps are ≤ tol in absolute value.
 */
export async function minimizeNewtonCd(
  fn: SmoothFunction,
  hessian: BlockHessian,
  x0: Float64Array,
  l1Options: L1Options,
  layout: BlockLayout,
  options: SolverOptions,
): Promise<SolverResult> {
  const n = x0.length;
  const { l1 } = l1Options;
  const penalized = Uint8Array.from({ length: n }, (_, p) => (l1Options.isPenalized(p) ? 1 : 0));
  const fixed = Uint8Array.from({ length: n }, (_, p) => (layout.isFixed(p) ? 1 : 0));
  const x = x0.slice();
  const g = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const total = (point: Float64Array, smooth: number) => smooth + l1 * l1Norm(point, penalized, 0, n);
  const yieldIfDue = makeYielder();
  let f = total(x, fn(x, g));
  let gradientNorm = pseudoGradientNorm(x, g, l1, penalized);
  const finish = (nIter: number, message: string, stoppedByCallback = false): SolverResult => ({
    x,
    value: f,
    nIter,
    converged: gradientNorm <= options.tol,
    gradientNorm,
    message,
    stoppedByCallback,
  });
  let stalls = 0;
  for (let iter = 1; iter <= options.maxIter; iter++) {
    let largestStep = 0;
    let decreased = false;
    for (let b = 0; b < layout.blocks; b++) {
      const offset = b * layout.blockSize;
      const sub = { offset, size: layout.blockSize, l1, penalized, fixed };
      const step = solveQuadraticModel(hessian(x, b), g, x, sub, options.tol);
      largestStep = Math.max(largestStep, maxAbs(step));
      if (gradientNorm <= options.tol && largestStep <= options.tol && layout.blocks === 1) return finish(iter - 1, 'converged');
      const value = searchBlock(step, offset);
      if (value === null) continue;
      decreased ||= value < f;
      f = value;
      x.set(xTrial);
      g.set(gTrial);
    }
    const previousNorm = gradientNorm;
    gradientNorm = pseudoGradientNorm(x, g, l1, penalized);
    if (options.onIteration?.(iter, f, x) === true) return finish(iter, 'stopped by a callback', true);
    if (gradientNorm <= options.tol && largestStep <= options.tol) return finish(iter, 'converged');
    stalls = decreased || gradientNorm < previousNorm ? 0 : stalls + 1;
    if (stalls >= 3) return finish(iter, 'the objective stopped decreasing at floating-point precision');
    await yieldIfDue();
  }
  return finish(options.maxIter, `reached maxIter = ${options.maxIter} before the gradient tolerance was met`);

  /** Backtracks along one block's step; returns F at the accepted point (left in xTrial/gTrial) or null. */
  function searchBlock(step: Float64Array, offset: number): number | null {
    const size = step.length;
    let predicted = 0;
    for (let j = 0; j < size; j++) {
      const p = offset + j;
      predicted += g[p] * step[j];
      if (penalized[p]) predicted += l1 * (Math.abs(x[p] + step[j]) - Math.abs(x[p]));
    }
    if (!(predicted < 0)) return null;
    xTrial.set(x);
    for (let t = 1, attempt = 0; attempt < 40; attempt++, t *= 0.5) {
      for (let j = 0; j < size; j++) xTrial[offset + j] = x[offset + j] + t * step[j];
      const value = total(xTrial, fn(xTrial, gTrial));
      if (value <= f + 0.01 * t * predicted + 8 * Number.EPSILON * Math.abs(f)) return value;
    }
    return null;
  }
}

interface Subproblem {
  offset: number;
  size: number;
  l1: number;
  penalized: Uint8Array;
  fixed: Uint8Array;
}

/**
 * argmin over Δ of gᵀΔ + ½ΔᵀHΔ + l1·Σ|x + Δ| (penalised entries) for one block, by
 * cyclic coordinate descent: each coordinate's exact minimiser is a soft-threshold.
 */
function solveQuadraticModel(H: Float64Array, g: Float64Array, x: Float64Array, sub: Subproblem, tol: number): Float64Array {
  const { offset, size: m, l1, penalized, fixed } = sub;
  const step = new Float64Array(m);
  const hStep = new Float64Array(m);
  for (let sweep = 0; sweep < 1000; sweep++) {
    let change = 0;
    for (let j = 0; j < m; j++) {
      const p = offset + j;
      const a = H[j * m + j];
      if (fixed[p] || !(a > 0)) continue;
      const z = x[p] + step[j];
      const target = z - (g[p] + hStep[j]) / a;
      const threshold = penalized[p] ? l1 / a : 0;
      const zNew = target > threshold ? target - threshold : target < -threshold ? target + threshold : 0;
      const delta = zNew - z;
      if (delta === 0) continue;
      step[j] += delta;
      const row = j * m;
      for (let k = 0; k < m; k++) hStep[k] += delta * H[row + k];
      change = Math.max(change, Math.abs(delta));
    }
    if (change <= 1e-3 * Math.max(maxAbs(step), tol)) break;
  }
  return step;
}

function l1Norm(x: Float64Array, penalized: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let p = from; p < to; p++) if (penalized[p]) s += Math.abs(x[p]);
  return s;
}

/** ‖minimum-norm subgradient‖∞ of smooth + l1·|x|. */
function pseudoGradientNorm(x: Float64Array, g: Float64Array, l1: number, penalized: Uint8Array): number {
  let norm = 0;
  for (let p = 0; p < x.length; p++) {
    let v = g[p];
    if (penalized[p]) {
      if (x[p] > 0) v = g[p] + l1;
      else if (x[p] < 0) v = g[p] - l1;
      else v = Math.max(0, Math.abs(g[p]) - l1);
    }
    norm = Math.max(norm, Math.abs(v));
  }
  return norm;
}
