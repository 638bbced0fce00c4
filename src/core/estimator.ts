import type { Labels, SampleWeight } from './labels.js';
import type { Matrix } from './matrix.js';
import type { Rng } from './rng.js';
import type { SerializedEstimator } from './serialization.js';

/** What a model reports after each boosting round or epoch. */
export interface IterationLogs {
  /** Loss on the training rows (weighted mean log loss for classifiers). */
  trainLoss?: number;
  /** Loss on `evalSet`, when one was given. */
  validLoss?: number;
  [metric: string]: number | undefined;
}

/**
 * One callback type for boosting rounds and neural-net epochs, so learning curves
 * are drawn the same way. Returning `'stop'` ends training after this iteration.
 */
export interface TrainingCallback {
  onIterationEnd(iteration: number, logs: IterationLogs): void | 'stop';
}

export interface EvalSet {
  X: Matrix;
  y: Labels;
  sampleWeight?: SampleWeight;
}

export interface FitOptions {
  sampleWeight?: SampleWeight;
  /** Held-out rows for validation loss and early stopping. */
  evalSet?: EvalSet;
  callbacks?: TrainingCallback[];
  signal?: AbortSignal;
}

/**
 * The estimator contract (scikit-learn's, in TypeScript). The constructor takes one
 * params object and does no work; `fit` learns state and returns `this`.
 */
export interface Classifier<P = unknown> {
  /** Registry key of the serialized form. */
  readonly kind: string;
  readonly params: Readonly<P>;
  /** Number of classes seen in fit (2 for binary). Throws NotFittedError before fit. */
  readonly nClasses: number;
  /** Number of features seen in fit. Throws NotFittedError before fit. */
  readonly nFeatures: number;
  fit(X: Matrix, y: Labels, options?: FitOptions): Promise<this>;
  /** Binary models: P(y = 1) per row. Multi-class models throw; use `predictClassProba`. */
  predictProba(X: Matrix): Float64Array;
  /** Probability of every class: rows × nClasses (binary: [1 − p, p]). */
  predictClassProba(X: Matrix): Matrix;
  /** Binary: class 1 when P(y = 1) ≥ threshold (default 0.5). Multi-class: the most probable class. */
  predict(X: Matrix, threshold?: number): Int32Array;
  toJSON(): SerializedEstimator<P>;
}

/** Models with a log-odds (binary) score. */
export interface HasDecisionFunction {
  decisionFunction(X: Matrix): Float64Array;
}

/** A matrix-to-matrix transform fitted on training rows only. */
export interface Transformer {
  readonly kind: string;
  fit(X: Matrix, y?: Labels): this;
  transform(X: Matrix): Matrix;
  featureNamesOut(): string[];
  toJSON(): SerializedEstimator;
}

export interface Resampled {
  X: Matrix;
  y: Int32Array;
  /** For each output row, the input row it came from, or -1 for a synthetic row. */
  sourceIndex: Int32Array;
}

/** imbalanced-learn's shape: resample training rows (never validation rows). */
export interface Sampler {
  readonly kind: string;
  fitResample(X: Matrix, y: Labels, rng: Rng): Resampled;
}

/** Throws an AbortError-like error when the signal is aborted. */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
