import { LbfgsMemory } from './lbfgs-memory.js';
import { dot, makeYielder, maxAbs, type SmoothFunction, type SolverOptions, type SolverResult } from './solver-types.js';

export interface L1Options {
  /** Weight of Σ|xⱼ| over the penalised components. */
  l1: number;
  /** Whether component p carries the L1 penalty (intercepts do not). */
  isPenalized: (p: number) => boolean;
}

/** Iterations in a row without a strict decrease after which the solver stops. */
const STALL_LIMIT = 3;
/**
 * Orthant-wise limited-memory quasi-Newton (Andrew & Gao, 2007) for
 * F(x) = smooth(x) + l1·Σ|xⱼ|, the l1 and elastic-net logistic losses. Each iteration
 * steers an L-BFGS direction by the pseudo-gradient, keeps the step inside the current
 * orthant (coordinates that would cross zero are set to exactly zero) and backtracks
 * until the Armijo condition holds. Converged when ‖pseudo-gradient‖∞ ≤ tol.
 */
export async function minimizeOwlqn(
  fn: SmoothFunction,
  x0: Float64Array,
  l1Options: L1Options,
  options: SolverOptions,
): Promise<SolverResult> {
  const n = x0.length;
  const penalized = Uint8Array.from({ length: n }, (_, p) => (l1Options.isPenalized(p) ? 1 : 0));
  const { l1 } = l1Options;
  const x = x0.slice();
  const g = new Float64Array(n);
  const pg = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const yv = new Float64Array(n);
  const memory = new LbfgsMemory(n, options.memory);
  const yieldIfDue = makeYielder();
  const total = (point: Float64Array, smooth: number) => smooth + l1 * l1Norm(point, penalized);
  let f = total(x, fn(x, g));
  pseudoGradient(x, g, l1, penalized, pg);
  let gradientNorm = maxAbs(pg);
  const finish = (nIter: number, message: string, stoppedByCallback = false): SolverResult => ({
    x,
    value: f,
    nIter,
    converged: gradientNorm <= options.tol,
    gradientNorm,
    message,
    stoppedByCallback,
  });
  if (gradientNorm <= options.tol) return finish(0, 'gradient tolerance met at the starting point');

  let stalls = 0;
  for (let iter = 1; iter <= options.maxIter; iter++) {
    let fTrial = backtrack();
    if (fTrial === null && !memory.isEmpty) {
      memory.reset();
      fTrial = backtrack();
    }
    if (fTrial === null) {
      const why = gradientNorm <= options.tol ? 'converged' : 'the line search could not decrease the objective';
      return finish(iter - 1, why);
    }
    for (let p = 0; p < n; p++) {
      s[p] = xTrial[p] - x[p];
      yv[p] = gTrial[p] - g[p];
    }
    stalls = fTrial < f ? 0 : stalls + 1;
    memory.push(s, yv);
    x.set(xTrial);
    g.set(gTrial);
    f = fTrial;
    pseudoGradient(x, g, l1, penalized, pg);
    gradientNorm = maxAbs(pg);
    if (options.onIteration?.(iter, f, x) === true) return finish(iter, 'stopped by a callback', true);
    if (gradientNorm <= options.tol) return finish(iter, 'converged');
    if (stalls >= STALL_LIMIT) return finish(iter, 'the objective stopped decreasing at floating-point precision');
    await yieldIfDue();
  }
  return finish(options.maxIter, `reached maxIter = ${options.maxIter} before the gradient tolerance was met`);

  /** Projected backtracking along the orthant-constrained direction; returns F at the accepted point. */
  function backtrack(): number | null {
    memory.direction(pg, direction);
    for (let p = 0; p < n; p++) if (direction[p] * pg[p] >= 0) direction[p] = 0;
    if (!(dot(direction, pg) < 0)) {
      for (let p = 0; p < n; p++) direction[p] = -pg[p];
    }
    let stp = memory.isEmpty ? Math.min(1, 1 / Math.sqrt(dot(pg, pg))) : 1;
    for (let attempt = 0; attempt < 60; attempt++, stp *= 0.5) {
      let decrease = 0;
      for (let p = 0; p < n; p++) {
        let v = x[p] + stp * direction[p];
        if (penalized[p]) {
          const orthant = x[p] !== 0 ? Math.sign(x[p]) : -Math.sign(pg[p]);
          if (Math.sign(v) !== orthant) v = 0;
        }
        xTrial[p] = v;
        decrease += pg[p] * (v - x[p]);
      }
      const value = total(xTrial, fn(xTrial, gTrial));
      if (value <= f + 1e-4 * decrease) return value;
    }
    return null;
  }
}

function l1Norm(x: Float64Array, penalized: Uint8Array): number {
  let s = 0;
  for (let p = 0; p < x.length; p++) if (penalized[p]) s += Math.abs(x[p]);
  return s;
}

/** The minimum-norm subgradient of smooth + l1·|x| (zero where 0 lies in the subdifferential). */
function pseudoGradient(x: Float64Array, g: Float64Array, l1: number, penalized: Uint8Array, out: Float64Array): void {
  for (let p = 0; p < x.length; p++) {
    if (!penalized[p]) out[p] = g[p];
    else if (x[p] > 0) out[p] = g[p] + l1;
    else if (x[p] < 0) out[p] = g[p] - l1;
    else if (g[p] + l1 < 0) out[p] = g[p] + l1;
    else if (g[p] - l1 > 0) out[p] = g[p] - l1;
    else out[p] = 0;
  }
}
