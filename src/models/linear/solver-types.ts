/** What the L-BFGS and OWL-QN solvers take and return. */

/** F(x); writes ∇F(x) into `gradient`. */
export type SmoothFunction = (x: Float64Array, gradient: Float64Array) => number;

export interface SolverOptions {
  /** Most iterations (each one line search). */
  maxIter: number;
  /** Stop when the largest absolute component of the (pseudo-)gradient is ≤ tol. */
  tol: number;
  /** Number of correction pairs kept by L-BFGS. */
  memory: number;
  /**
   * Called after every iteration with the objective value and the current point;
   * returning true stops the solver. Throwing (e.g. an AbortError) propagates out.
   */
  onIteration?: (iteration: number, value: number, x: Float64Array) => boolean | void;
}

export interface SolverResult {
  x: Float64Array;
  value: number;
  /** Iterations run. */
  nIter: number;
  /** Whether the gradient tolerance was met. */
  converged: boolean;
  /** Largest absolute component of the final (pseudo-)gradient. */
  gradientNorm: number;
  /** Why the solver stopped, in words. */
  message: string;
  /** Whether `onIteration` asked to stop. */
  stoppedByCallback: boolean;
}

/** Largest absolute component. */
export function maxAbs(values: Float64Array): number {
  let m = 0;
  for (let p = 0; p < values.length; p++) {
    const a = Math.abs(values[p]);
    if (a > m || Number.isNaN(a)) m = a;
  }
  return m;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let p = 0; p < a.length; p++) s += a[p] * b[p];
  return s;
}

/**
 * Returns a function that yields to the event loop when more than `intervalMs` passed
 * since the last yield, so an AbortSignal fired by a timer is seen during a long fit.
 */
export function makeYielder(intervalMs = 50): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return undefined;
    last = now;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
