import { LbfgsMemory } from './lbfgs-memory.js';
import { moreThuente } from './more-thuente.js';
import { dot, makeYielder, maxAbs, type SmoothFunction, type SolverOptions, type SolverResult } from './solver-types.js';

/** Iterations in a row without a strict decrease after which the solver stops. */
const STALL_LIMIT = 3;
/**
 * Limited-memory BFGS for smooth problems (the l2 and unpenalised logistic losses),
 * with the Moré–Thuente strong-Wolfe line search. Converged when ‖∇F‖∞ ≤ tol. When the
 * line search cannot make progress along the quasi-Newton direction the memory is
 * dropped and steepest descent is tried once before giving up.
 */
export async function minimizeLbfgs(fn: SmoothFunction, x0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  const n = x0.length;
  const x = x0.slice();
  const g = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const yv = new Float64Array(n);
  const memory = new LbfgsMemory(n, options.memory);
  const yieldIfDue = makeYielder();
  let f = fn(x, g);
  let gradientNorm = maxAbs(g);
  const finish = (nIter: number, message: string, stoppedByCallback = false): SolverResult => ({
    x,
    value: f,
    nIter,
    converged: gradientNorm <= options.tol,
    gradientNorm,
    message,
    stoppedByCallback,
  });
  if (!Number.isFinite(f)) return finish(0, 'the objective is not finite at the starting point');
  if (gradientNorm <= options.tol) return finish(0, 'gradient tolerance met at the starting point');

  let stalls = 0;
  for (let iter = 1; iter <= options.maxIter; iter++) {
    let search = searchAlong(fn, memory, x, f, g, direction, xTrial, gTrial);
    if (!search.ok && !memory.isEmpty) {
      memory.reset();
      search = searchAlong(fn, memory, x, f, g, direction, xTrial, gTrial);
    }
    if (!search.ok) {
      const why =
        gradientNorm <= options.tol ? 'converged' : `the line search stopped (${search.status}) before the tolerance was met`;
      return finish(iter - 1, why);
    }
    for (let p = 0; p < n; p++) {
      s[p] = xTrial[p] - x[p];
      yv[p] = gTrial[p] - g[p];
    }
    stalls = search.value < f ? 0 : stalls + 1;
    memory.push(s, yv);
    x.set(xTrial);
    g.set(gTrial);
    f = search.value;
    gradientNorm = maxAbs(g);
    if (options.onIteration?.(iter, f, x) === true) return finish(iter, 'stopped by a callback', true);
    if (gradientNorm <= options.tol) return finish(iter, 'converged');
    if (stalls >= STALL_LIMIT) return finish(iter, 'the objective stopped decreasing at floating-point precision');
    await yieldIfDue();
  }
  return finish(options.maxIter, `reached maxIter = ${options.maxIter} before the gradient tolerance was met`);
}

interface SearchOutcome {
  ok: boolean;
  value: number;
  status: string;
}

/** One line search along the current quasi-Newton direction; the trial point lands in xTrial/gTrial. */
function searchAlong(
  fn: SmoothFunction,
  memory: LbfgsMemory,
  x: Float64Array,
  f: number,
  g: Float64Array,
  direction: Float64Array,
  xTrial: Float64Array,
  gTrial: Float64Array,
): SearchOutcome {
  const n = x.length;
  memory.direction(g, direction);
  let slope = dot(direction, g);
  if (!(slope < 0)) {
    memory.reset();
    memory.direction(g, direction);
    slope = dot(direction, g);
    if (!(slope < 0)) return { ok: false, value: f, status: 'no descent direction' };
  }
  const stp0 = memory.isEmpty ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
  const phi = (stp: number) => {
    for (let p = 0; p < n; p++) xTrial[p] = x[p] + stp * direction[p];
    const value = fn(xTrial, gTrial);
    return { value: Number.isFinite(value) ? value : Number.MAX_VALUE, slope: dot(gTrial, direction) };
  };
  const result = moreThuente(phi, stp0, f, slope);
  const ok = result.status === 'converged' || (result.value < f && Number.isFinite(result.value));
  return { ok, value: result.value, status: result.status };
}
