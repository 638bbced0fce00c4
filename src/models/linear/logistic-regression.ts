import { AbortError, InputError, NotFittedError } from '../../core/errors.js';
import type { Classifier, EvalSet, FitOptions, HasDecisionFunction, IterationLogs } from '../../core/estimator.js';
import { type Labels, type SampleWeight, toInt32 } from '../../core/labels.js';
import { Matrix } from '../../core/matrix.js';
import { registerKind, type SerializedEstimator } from '../../core/serialization.js';
import { assertFitInputs, assertPredictInputs, assertSampleWeight } from '../../core/validate.js';
import { effectiveRowWeights, resolveClassWeight } from './class-weight.js';
import { computeBinaryStatistics, multinomialStatistics } from './coefficient-statistics.js';
import { buildCoefficientSummary, type CoefficientStatistics, type CoefficientSummary } from './coefficient-summary.js';
import { makeDesignMatrix } from './design-matrix.js';
import { fitLogistic } from './fit-logistic.js';
import { linearScores, meanLogLoss, sigmoid, softmaxRows } from './linear-scores.js';
import { type LogisticRegressionParams, resolveLogisticParams } from './logistic-regression-params.js';
import { type LogisticState, loadLogisticState, toLogisticStateJSON } from './logistic-state.js';

const KIND = 'logistic-regression';
const FORMAT_VERSION = 1;
const WHO = 'LogisticRegression';

export interface LogisticFitOptions extends FitOptions {
  /** Called with the message when the solver stops before meeting `tol` (the fit still succeeds). */
  onConvergenceWarning?: (message: string) => void;
}

export interface SummaryOptions {
  sampleWeight?: SampleWeight;
  /** Level of the intervals (default 0.95). */
  confidenceLevel?: number;
}

/**
 * Logistic regression (scikit-learn's `LogisticRegression`): sigmoid for two classes,
 * multinomial softmax for more; l2 / l1 / elastic-net / no penalty on the coefficients
 * (never the intercept); class and sample weights; L-BFGS or OWL-QN (see `fitLogistic`).
 * After fit: `coef`, `intercept`, `nIter`, `converged`, `gradientNorm`,
 * `convergenceWarning` and, on request, the coefficient table (`summary`).
 */
export class LogisticRegression implements Classifier<LogisticRegressionParams>, HasDecisionFunction {
  readonly kind = KIND;
  readonly params: Readonly<LogisticRegressionParams>;
  private state: LogisticState | null = null;

  constructor(params: LogisticRegressionParams = {}) {
    this.params = { ...params };
  }

  async fit(X: Matrix, y: Labels, options: LogisticFitOptions = {}): Promise<this> {
    const params = resolveLogisticParams(this.params);
    const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: false, estimator: WHO });
    if (options.evalSet) assertEvalSet(options.evalSet, X.cols, nClasses);
    if (options.signal?.aborted) throw new AbortError('LogisticRegression.fit');
    const labels = toInt32(y);
    const classWeight = resolveClassWeight(params.classWeight, labels, nClasses, WHO);
    const weights = effectiveRowWeights(labels, options.sampleWeight, classWeight);
    if (!(weights.reduce((a, b) => a + b, 0) > 0)) throw new InputError(`${WHO}: the row weights sum to 0; nothing to fit`);
    const design = makeDesignMatrix(X);
    const K = nClasses === 2 ? 1 : nClasses;
    const result = await fitLogistic({
      design,
      labels,
      weights,
      nClasses,
      params,
      onIteration: (iter, trainLoss, W) => iterationEnd(iter, trainLoss, W, K, options),
    });
    const convergenceWarning =
      result.converged || result.stoppedByCallback
        ? null
        : `${WHO} did not converge after ${result.nIter} iterations (‖gradient‖∞ = ${result.gradientNorm.toExponential(2)} > tol = ${params.tol}): ${result.message}. Standardize the features, raise maxIter, or regularise more (lower C).`;
    this.state = {
      nClasses,
      nFeatures: X.cols,
      featureNames: X.columnNames(),
      W: result.x,
      classWeight: classWeight ? Array.from(classWeight) : null,
      nIter: result.nIter,
      converged: result.converged,
      gradientNorm: result.gradientNorm,
      solver: result.solver,
      convergenceWarning,
      statistics: null,
    };
    if (convergenceWarning) options.onConvergenceWarning?.(convergenceWarning);
    if (params.computeStatistics) this.state.statistics = this.statisticsOn(X, weights);
    return this;
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  /** Feature names seen in fit (x0, x1, … when the matrix had none). */
  get featureNames(): readonly string[] {
    return this.fitted().featureNames;
  }

  /** Coefficients: one row per class (a single row for binary models), one column per feature. */
  get coef(): Matrix {
    const s = this.fitted();
    const K = blocks(s.nClasses);
    const d = s.nFeatures;
    const out = new Float64Array(K * d);
    for (let k = 0; k < K; k++) out.set(s.W.subarray(k * (d + 1), k * (d + 1) + d), k * d);
    return new Matrix(K, d, out, s.featureNames);
  }

  /** Intercept per class (one value for binary models; 0 when fitIntercept is false). */
  get intercept(): Float64Array {
    const s = this.fitted();
    const d = s.nFeatures;
    return Float64Array.from({ length: blocks(s.nClasses) }, (_, k) => s.W[k * (d + 1) + d]);
  }

  /** Solver iterations run. */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Whether the solver met `tol`. */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /** ‖∇F‖∞ (pseudo-gradient for L1 penalties) of the per-row objective at the solution. */
  get gradientNorm(): number {
    return this.fitted().gradientNorm;
  }

  /** Why the fit did not converge, or null. */
  get convergenceWarning(): string | null {
    return this.fitted().convergenceWarning;
  }

  /** Binary models: log-odds of class 1 per row. */
  decisionFunction(X: Matrix): Float64Array {
    const s = this.fitted();
    if (s.nClasses !== 2)
      throw new InputError(`${WHO}: decisionFunction is for binary models; use decisionMatrix for ${s.nClasses} classes`);
    return this.decisionMatrix(X).data;
  }

  /** Linear scores: rows × 1 (binary log-odds) or rows × K (multinomial logits). */
  decisionMatrix(X: Matrix): Matrix {
    const s = this.fitted();
    assertPredictInputs(X, s.nFeatures, { allowMissing: false, estimator: WHO });
    const K = blocks(s.nClasses);
    return new Matrix(X.rows, K, linearScores(X, s.W, K));
  }

  predictProba(X: Matrix): Float64Array {
    const s = this.fitted();
    if (s.nClasses !== 2)
      throw new InputError(`${WHO}: predictProba is for binary models; use predictClassProba for ${s.nClasses} classes`);
    return this.decisionMatrix(X).data.map(sigmoid);
  }

  predictClassProba(X: Matrix): Matrix {
    const s = this.fitted();
    if (s.nClasses === 2) {
      const p = this.predictProba(X);
      const out = new Float64Array(2 * p.length);
      for (let i = 0; i < p.length; i++) {
        out[2 * i] = 1 - p[i];
        out[2 * i + 1] = p[i];
      }
      return new Matrix(p.length, 2, out);
    }
    return new Matrix(X.rows, s.nClasses, softmaxRows(this.decisionMatrix(X).data, s.nClasses));
  }

  predict(X: Matrix, threshold = 0.5): Int32Array {
    if (this.fitted().nClasses === 2) return Int32Array.from(this.predictProba(X), (p) => (p >= threshold ? 1 : 0));
    const P = this.predictClassProba(X);
    return Int32Array.from({ length: P.rows }, (_, i) => argMax(P.row(i)));
  }

  /**
   * The coefficient table: coefficient, standard error, z, p-value, interval, odds ratio.
   * With no arguments it returns the table computed at fit (`computeStatistics: true`);
   * with the training X and y it computes it now. Binary models only get statistics;
   * multinomial tables list the coefficients (see `CovarianceKind`).
   */
  summary(X?: Matrix, y?: Labels, options: SummaryOptions = {}): CoefficientSummary {
    const s = this.fitted();
    let statistics: CoefficientStatistics | null = s.statistics;
    if (X !== undefined || y !== undefined) {
      if (!X || !y)
        throw new InputError(`${WHO}.summary: pass both X and y (or neither, after a fit with computeStatistics: true)`);
      const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: false, estimator: `${WHO}.summary` });
      assertPredictInputs(X, s.nFeatures, { allowMissing: false, estimator: `${WHO}.summary` });
      if (nClasses > s.nClasses) throw new InputError(`${WHO}.summary: y has ${nClasses} classes, the model ${s.nClasses}`);
      const labels = toInt32(y);
      const classWeight = s.classWeight ? Float64Array.from(s.classWeight) : null;
      statistics = this.statisticsOn(X, effectiveRowWeights(labels, options.sampleWeight, classWeight));
    }
    if (!statistics) {
      throw new InputError(
        `${WHO}.summary: no statistics were computed at fit; call summary(X, y) with the training data or fit with computeStatistics: true`,
      );
    }
    const fitIntercept = this.params.fitIntercept ?? true;
    const inputs = {
      featureNames: s.featureNames,
      coef: this.coef.data,
      intercept: this.intercept,
      fitIntercept,
      nClasses: s.nClasses,
    };
    return buildCoefficientSummary(inputs, statistics, options.confidenceLevel ?? 0.95);
  }

  toJSON(): SerializedEstimator<LogisticRegressionParams> {
    return { kind: KIND, formatVersion: FORMAT_VERSION, params: { ...this.params }, state: toLogisticStateJSON(this.fitted()) };
  }

  static fromJSON(json: SerializedEstimator): LogisticRegression {
    const model = new LogisticRegression(json.params as LogisticRegressionParams);
    model.state = loadLogisticState(json, KIND, FORMAT_VERSION);
    return model;
  }

  private statisticsOn(X: Matrix, weights: Float64Array): CoefficientStatistics {
    const s = this.fitted();
    if (s.nClasses !== 2) return multinomialStatistics(s.nClasses, s.nFeatures);
    return computeBinaryStatistics({
      design: makeDesignMatrix(X),
      logOdds: linearScores(X, s.W, 1),
      weights,
      coef: this.coef.data,
      params: resolveLogisticParams(this.params),
    });
  }

  private fitted(): LogisticState {
    if (!this.state) throw new NotFittedError(WHO);
    return this.state;
  }
}

registerKind(KIND, (json) => LogisticRegression.fromJSON(json));

function blocks(nClasses: number): number {
  return nClasses === 2 ? 1 : nClasses;
}

function argMax(values: Float64Array): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

function assertEvalSet(evalSet: EvalSet, nFeatures: number, nClasses: number): void {
  assertPredictInputs(evalSet.X, nFeatures, { allowMissing: false, estimator: `${WHO} evalSet` });
  const { y } = evalSet;
  if (y.length !== evalSet.X.rows)
    throw new InputError(`${WHO}: evalSet.X has ${evalSet.X.rows} rows but evalSet.y has ${y.length}`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= nClasses) {
      throw new InputError(`${WHO}: evalSet label at row ${i} is ${y[i]}; expected a class index 0..${nClasses - 1}`);
    }
  }
  if (evalSet.sampleWeight) assertSampleWeight(evalSet.sampleWeight, evalSet.X.rows, `${WHO} evalSet`);
}

/** Reports an iteration to the callbacks; true stops the solver. */
function iterationEnd(iter: number, trainLoss: number, W: Float64Array, K: number, options: FitOptions): boolean {
  if (options.signal?.aborted) throw new AbortError('LogisticRegression.fit');
  if (!options.callbacks?.length) return false;
  const logs: IterationLogs = { trainLoss };
  const evalSet = options.evalSet;
  if (evalSet) logs.validLoss = meanLogLoss(linearScores(evalSet.X, W, K), K, evalSet.y, evalSet.sampleWeight);
  let stop = false;
  for (const callback of options.callbacks) if (callback.onIterationEnd(iter, logs) === 'stop') stop = true;
  return stop;
}
