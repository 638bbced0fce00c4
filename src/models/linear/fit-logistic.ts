import { InputError } from '../../core/errors.js';
import type { DesignMatrix } from './design-matrix.js';
import { minimizeLbfgs } from './lbfgs.js';
import { type LogisticObjective, makeLogisticObjective } from './logistic-objective.js';
import { hasL1, penaltyParts, type ResolvedLogisticParams } from './logistic-regression-params.js';
import { minimizeNewtonCd } from './newton-cd.js';
import { minimizeNewtonCholesky } from './newton-cholesky.js';
import { type L1Options, minimizeOwlqn } from './owlqn.js';
import type { SolverOptions, SolverResult } from './solver-types.js';

export interface LogisticFitInputs {
  design: DesignMatrix;
  labels: Int32Array;
  /** Effective row weights (sample × class weights); their sum must be > 0. */
  weights: Float64Array;
  nClasses: number;
  params: ResolvedLogisticParams;
  /**
   * Per iteration: the weighted mean training log loss and the parameters
   * (class-major blocks of d coefficients + intercept); true stops the solver.
   */
  onIteration?: (iteration: number, trainLoss: number, W: Float64Array) => boolean | void;
}

/** What ran: one solver, or L-BFGS handing over to Newton when it was slow to converge. */
export type ChosenSolver = 'lbfgs' | 'newton-cholesky' | 'newton-cd' | 'owlqn' | 'lbfgs+newton-cholesky' | 'owlqn+newton-cd';

export interface LogisticFitResult extends SolverResult {
  solver: ChosenSolver;
}

/** Largest feature count for which 'auto' uses second-order (Hessian) steps. */
const NEWTON_MAX_FEATURES = 1000;
/** 'auto' lets a quasi-Newton solver run for about as long as this many Hessian builds before switching to Newton. */
const LBFGS_BUDGET_IN_HESSIANS = 3;
/** How much longer owlqn runs on multinomial problems before handing over to newton-cd. */
const MULTINOMIAL_BUDGET_FACTOR = 4;

/**
 * The solver for a fit. 'auto': the quasi-Newton solver of the penalty (lbfgs for smooth
 * penalties, owlqn with an L1 part), handing over to the matching Newton solver
 * (newton-cholesky, newton-cd) when it has not converged within the cost of a few Hessians:
 * quasi-Newton iterations are cheap, but nearly collinear one-hot columns make them crawl,
 * while each Newton iteration forms (features + 1)² Hessians (one per class for multinomial
 * models). Above 1000 features, or for smooth multinomial problems, the quasi-Newton solver runs alone.
 */
export function chooseSolver(params: ResolvedLogisticParams, design: DesignMatrix, nClasses: number): ChosenSolver {
  if (params.solver === 'newton-cholesky' && nClasses !== 2) {
    throw new InputError(
      `LogisticRegression: solver 'newton-cholesky' handles binary problems; use 'lbfgs' or 'newton-cd' for ${nClasses} classes`,
    );
  }
  if (params.solver !== 'auto') return params.solver;
  const small = design.cols <= NEWTON_MAX_FEATURES;
  if (hasL1(params)) return small ? 'owlqn+newton-cd' : 'owlqn';
  return nClasses === 2 && small ? 'lbfgs+newton-cholesky' : 'lbfgs';
}

/**
 * Minimises the per-row logistic objective (see `makeLogisticObjective`) with the solver
 * `chooseSolver` picks. Starts from zero, like scikit-learn. Multinomial solutions are
 * returned in their symmetric form (see `centerMultinomial`).
 */
export async function fitLogistic(inputs: LogisticFitInputs): Promise<LogisticFitResult> {
  const result = await solveLogistic(inputs);
  if (inputs.nClasses > 2) {
    const { design, params } = inputs;
    centerMultinomial(result.x, inputs.nClasses, design.cols, params.fitIntercept, params.penalty === 'none');
  }
  return result;
}

/**
 * The softmax is unchanged when the same constant is added to every class's intercept (or the
 * same vector to every class's coefficients), so an unpenalised part of a multinomial model is
 * determined only up to that shift, and solvers that update one class at a time drift along it.
 * scikit-learn's solutions have intercepts (and, without a penalty, coefficients) that sum to
 * zero over the classes; this shifts the solution there. Predictions do not change.
 */
export function centerMultinomial(
  W: Float64Array,
  K: number,
  d: number,
  fitIntercept: boolean,
  centerCoefficients: boolean,
): void {
  const stride = d + 1;
  for (let j = 0; j <= d; j++) {
    if (j === d ? !fitIntercept : !centerCoefficients) continue;
    let mean = 0;
    for (let k = 0; k < K; k++) mean += W[k * stride + j];
    mean /= K;
    for (let k = 0; k < K; k++) W[k * stride + j] -= mean;
  }
}

async function solveLogistic(inputs: LogisticFitInputs): Promise<LogisticFitResult> {
  const { design, labels, weights, nClasses, params } = inputs;
  let weightSum = 0;
  for (let i = 0; i < weights.length; i++) weightSum += weights[i];
  const parts = penaltyParts(params);
  const scale = params.C * weightSum;
  const objective = makeLogisticObjective({
    design,
    labels,
    weights,
    nClasses,
    fitIntercept: params.fitIntercept,
    l2: parts.l2 / scale,
  });
  const x0 = new Float64Array(objective.size);
  const options = (offset: number, maxIter: number): SolverOptions => ({
    maxIter,
    tol: params.tol,
    memory: params.memory,
    onIteration:
      inputs.onIteration &&
      ((iter: number, _value: number, x: Float64Array) => inputs.onIteration!(offset + iter, objective.lastLoss(), x)),
  });
  const l1 = { l1: parts.l1 / scale, isPenalized: objective.isPenalized };
  const solver = chooseSolver(params, design, nClasses);
  switch (solver) {
    case 'lbfgs':
      return { ...(await minimizeLbfgs(objective.evaluate, x0, options(0, params.maxIter))), solver };
    case 'newton-cholesky':
      return { ...(await minimizeNewtonCholesky(objective.evaluate, objective.hessian, x0, options(0, params.maxIter))), solver };
    case 'owlqn':
      return { ...(await minimizeOwlqn(objective.evaluate, x0, l1, options(0, params.maxIter))), solver };
    case 'newton-cd':
      return {
        ...(await minimizeNewtonCd(
          objective.evaluate,
          objective.hessian,
          x0,
          l1,
          blockLayout(objective, design, params),
          options(0, params.maxIter),
        )),
        solver,
      };
    case 'owlqn+newton-cd':
      return owlqnThenNewtonCd(objective, design, x0, params, l1, options);
    default:
      return lbfgsThenNewton(objective, design, x0, params.maxIter, options);
  }
}

/** Quasi-Newton iterations that cost about as much as LBFGS_BUDGET_IN_HESSIANS Hessian builds. */
function quasiNewtonBudget(design: DesignMatrix): number {
  return Math.max(10, Math.round((LBFGS_BUDGET_IN_HESSIANS * design.gramCost) / (2.5 * design.productCost)));
}

async function lbfgsThenNewton(
  objective: LogisticObjective,
  design: DesignMatrix,
  x0: Float64Array,
  maxIter: number,
  options: (offset: number, maxIter: number) => SolverOptions,
): Promise<LogisticFitResult> {
  const budget = quasiNewtonBudget(design);
  const first = await minimizeLbfgs(objective.evaluate, x0, options(0, Math.min(budget, maxIter)));
  if (first.converged || first.stoppedByCallback || first.nIter >= maxIter) return { ...first, solver: 'lbfgs' };
  const second = await minimizeNewtonCholesky(
    objective.evaluate,
    objective.hessian,
    first.x,
    options(first.nIter, maxIter - first.nIter),
  );
  return { ...second, nIter: first.nIter + second.nIter, solver: 'lbfgs+newton-cholesky' };
}

async function owlqnThenNewtonCd(
  objective: LogisticObjective,
  design: DesignMatrix,
  x0: Float64Array,
  params: ResolvedLogisticParams,
  l1: L1Options,
  options: (offset: number, maxIter: number) => SolverOptions,
): Promise<LogisticFitResult> {
  const maxIter = params.maxIter;
  // Multinomial newton-cd iterations update one class block at a time and need several times
  // more iterations than binary ones: owlqn gets a longer run before it hands over.
  const budget = quasiNewtonBudget(design) * (objective.blocks > 1 ? MULTINOMIAL_BUDGET_FACTOR : 1);
  const first = await minimizeOwlqn(objective.evaluate, x0, l1, options(0, Math.min(budget, maxIter)));
  if (first.converged || first.stoppedByCallback || first.nIter >= maxIter) return { ...first, solver: 'owlqn' };
  const second = await minimizeNewtonCd(
    objective.evaluate,
    objective.hessian,
    first.x,
    l1,
    blockLayout(objective, design, params),
    options(first.nIter, maxIter - first.nIter),
  );
  return { ...second, nIter: first.nIter + second.nIter, solver: 'owlqn+newton-cd' };
}

function blockLayout(objective: LogisticObjective, design: DesignMatrix, params: ResolvedLogisticParams) {
  const blockSize = design.cols + 1;
  return { blocks: objective.blocks, blockSize, isFixed: (p: number) => !params.fitIntercept && p % blockSize === design.cols };
}
