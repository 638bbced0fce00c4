import { ConfigError } from '../../core/errors.js';
import type { ClassWeight } from './class-weight.js';

export type Penalty = 'l2' | 'l1' | 'elasticnet' | 'none';
export type LogisticSolver = 'auto' | 'lbfgs' | 'newton-cholesky' | 'newton-cd' | 'owlqn';

/** scikit-learn's `LogisticRegression` parameters, camelCased. */
export interface LogisticRegressionParams {
  /** Penalty on the coefficients, never on the intercept (default 'l2'). */
  penalty?: Penalty;
  /**
   * Inverse regularisation strength, scikit-learn's convention (default 1.0): the
   * objective is C·Σ wᵢ·lossᵢ + penalty, so coefficients match scikit-learn's for the same C.
   */
  C?: number;
  /**
   * Elastic-net mixing in [0, 1]: penalty = l1Ratio·‖w‖₁ + (1 − l1Ratio)/2·‖w‖² (default 0.5;
   * only read when penalty is 'elasticnet'; scikit-learn requires it to be set).
   */
  l1Ratio?: number;
  /** Fit an (unpenalised) intercept per class (default true). */
  fitIntercept?: boolean;
  /** 'balanced' (n / (K·nₖ)), one weight per class, or null for none (default null). */
  classWeight?: ClassWeight;
  /** Most solver iterations (default 1000; scikit-learn's default is 100). */
  maxIter?: number;
  /**
   * Stop when the largest absolute component of the gradient of the per-row objective
   * (weighted mean log loss + penalty / (C·Σwᵢ)) is ≤ tol (default 1e-6). scikit-learn's
   * lbfgs applies `tol` to the gradient of the sum over rows, so its 1e-4 is looser than
   * this default whenever there are fewer than 100 rows and tighter above.
   */
  tol?: number;
  /**
   * Solver (default 'auto'):
   * - 'lbfgs': L-BFGS with a Moré–Thuente line search (l2 / none);
   * - 'newton-cholesky': exact Newton steps (binary, l2 / none; best when rows ≫ features);
   * - 'newton-cd': proximal Newton with coordinate descent on the quadratic model (any
   *   penalty, binary or multinomial; forms (features + 1)² Hessians);
   * - 'owlqn': orthant-wise L-BFGS (any penalty; no Hessian, for very many features).
   * 'auto' uses owlqn handing over to newton-cd for L1 parts, and lbfgs handing over to
   * newton-cholesky for binary smooth problems, when the quasi-Newton solver has not converged
   * within the cost of a few Hessians (≤ 1000 features); owlqn or lbfgs alone otherwise.
   */
  solver?: LogisticSolver;
  /** Correction pairs kept by the quasi-Newton solvers, scipy's `maxcor` (default 10). */
  memory?: number;
  /** Compute the coefficient table (standard errors, p-values, intervals) at fit (default false). */
  computeStatistics?: boolean;
}

export type ResolvedLogisticParams = Required<LogisticRegressionParams>;

const PENALTIES: readonly Penalty[] = ['l2', 'l1', 'elasticnet', 'none'];
const SOLVERS: readonly LogisticSolver[] = ['auto', 'lbfgs', 'newton-cholesky', 'newton-cd', 'owlqn'];

/** Fills defaults and checks every field; throws ConfigError naming the field. */
export function resolveLogisticParams(params: LogisticRegressionParams): ResolvedLogisticParams {
  const resolved: ResolvedLogisticParams = {
    penalty: params.penalty ?? 'l2',
    C: params.C ?? 1,
    l1Ratio: params.l1Ratio ?? 0.5,
    fitIntercept: params.fitIntercept ?? true,
    classWeight: params.classWeight ?? null,
    maxIter: params.maxIter ?? 1000,
    tol: params.tol ?? 1e-6,
    solver: params.solver ?? 'auto',
    memory: params.memory ?? 10,
    computeStatistics: params.computeStatistics ?? false,
  };
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new ConfigError(`LogisticRegression: ${expected}, got ${JSON.stringify(got)}`, { field });
  };
  if (!PENALTIES.includes(resolved.penalty)) fail('penalty', `penalty must be one of ${PENALTIES.join(', ')}`, resolved.penalty);
  if (!SOLVERS.includes(resolved.solver)) fail('solver', `solver must be one of ${SOLVERS.join(', ')}`, resolved.solver);
  if (!(resolved.C > 0) || !Number.isFinite(resolved.C)) fail('C', 'C must be a finite number > 0', resolved.C);
  if (!(resolved.l1Ratio >= 0 && resolved.l1Ratio <= 1)) fail('l1Ratio', 'l1Ratio must lie in [0, 1]', resolved.l1Ratio);
  if (!Number.isInteger(resolved.maxIter) || resolved.maxIter < 1)
    fail('maxIter', 'maxIter must be an integer ≥ 1', resolved.maxIter);
  if (!(resolved.tol > 0) || !Number.isFinite(resolved.tol)) fail('tol', 'tol must be a finite number > 0', resolved.tol);
  if (!Number.isInteger(resolved.memory) || resolved.memory < 1) fail('memory', 'memory must be an integer ≥ 1', resolved.memory);
  const cw = resolved.classWeight;
  if (cw !== null && cw !== 'balanced' && !Array.isArray(cw))
    fail('classWeight', "classWeight must be 'balanced', null or an array", cw);
  if ((resolved.solver === 'lbfgs' || resolved.solver === 'newton-cholesky') && hasL1(resolved)) {
    fail(
      'solver',
      `solver '${resolved.solver}' handles only smooth penalties (l2, none); use 'owlqn' or 'auto' for penalty '${resolved.penalty}'`,
      resolved.solver,
    );
  }
  return resolved;
}

/** Whether the penalty has an L1 part. */
export function hasL1(params: ResolvedLogisticParams): boolean {
  return params.penalty === 'l1' || (params.penalty === 'elasticnet' && params.l1Ratio > 0);
}

/** The weights of the L1 and squared-L2 parts of the penalty, before dividing by C. */
export function penaltyParts(params: ResolvedLogisticParams): { l1: number; l2: number } {
  switch (params.penalty) {
    case 'l2':
      return { l1: 0, l2: 1 };
    case 'l1':
      return { l1: 1, l2: 0 };
    case 'elasticnet':
      return { l1: params.l1Ratio, l2: 1 - params.l1Ratio };
    default:
      return { l1: 0, l2: 0 };
  }
}
