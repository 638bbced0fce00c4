import { InputError, NotFittedError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertSerialized, registerKind, type SerializedEstimator } from '../core/serialization.js';
import { assertFiniteScores } from '../metrics/index.js';
import { assertCalibrationInputs, assertUnitInterval } from './assert-calibration-inputs.js';
import { fitPlatt, type PlattFit, sigmoid } from './fit-platt.js';

const KIND = 'PlattCalibrator';
const FORMAT_VERSION = 1;

export interface PlattCalibratorParams {
  /**
   * What the sigmoid is fitted on: 'logit' takes log(p / (1 − p)) of probability scores
   * (predictProba, clipped to [epsilon, 1 − epsilon]); 'raw' takes the score as it is
   * (decision values, boosting margins, rule points; also forest probabilities, which reach
   * 0 and 1). Default 'logit'.
   */
  input?: 'logit' | 'raw';
  /** Platt's smoothed targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) instead of 1 and 0, as scikit-learn. Default true. */
  targetSmoothing?: boolean;
  /** Clip of probabilities before the log-odds ('logit' input). Default 1e-6 (log-odds within ±13.8). */
  epsilon?: number;
  /** Newton iterations at most. Default 100 (a few suffice). */
  maxIter?: number;
}

type ResolvedParams = Required<PlattCalibratorParams>;

/**
 * Platt scaling: P(converted) = σ(slope · f + intercept), f the score's log-odds or the raw
 * score, fitted by Newton's method. With the defaults it matches scikit-learn's
 * `CalibratedClassifierCV(method='sigmoid')` given the same feature. Fit it on out-of-fold
 * predictions (the model's scores on leads it was not trained on), never on the training fit.
 */
export class PlattCalibrator {
  readonly kind = KIND;
  readonly params: Readonly<ResolvedParams>;
  private state: PlattFit | null = null;

  constructor(params: PlattCalibratorParams = {}) {
    this.params = {
      input: params.input ?? 'logit',
      targetSmoothing: params.targetSmoothing ?? true,
      epsilon: params.epsilon ?? 1e-6,
      maxIter: params.maxIter ?? 100,
    };
    const { input, epsilon, maxIter } = this.params;
    if (input !== 'logit' && input !== 'raw') throw new InputError(`${KIND}: input is "${input}", expected 'logit' or 'raw'`);
    if (!(epsilon > 0 && epsilon < 0.5)) throw new InputError(`${KIND}: epsilon is ${epsilon}; it must lie in (0, 0.5)`);
    if (!Number.isInteger(maxIter) || maxIter < 1)
      throw new InputError(`${KIND}: maxIter is ${maxIter}; it must be a whole number ≥ 1`);
  }

  /** Fits the sigmoid on scores and 0/1 labels (out-of-fold predictions); returns this. */
  fit(scores: ArrayLike<number>, labels: Labels, sampleWeight?: SampleWeight): this {
    assertCalibrationInputs(scores, labels, sampleWeight, KIND, this.params.input === 'logit');
    const features = this.features(scores);
    this.state = fitPlatt(features, labels, sampleWeight, {
      targetSmoothing: this.params.targetSmoothing,
      maxIter: this.params.maxIter,
    });
    return this;
  }

  /** Calibrated P(converted) for each score. */
  transform(scores: ArrayLike<number>): Float64Array {
    const { slope, intercept } = this.fitted();
    assertFiniteScores(scores, `${KIND}.transform`);
    if (this.params.input === 'logit') assertUnitInterval(scores, `${KIND}.transform`);
    return this.features(scores).map((f) => sigmoid(slope * f + intercept));
  }

  /** Slope on the feature (log-odds or raw score); near 1 on log-odds means the model was already calibrated. */
  get slope(): number {
    return this.fitted().slope;
  }

  get intercept(): number {
    return this.fitted().intercept;
  }

  /** Newton iterations the fit took. */
  get nIter(): number {
    return this.fitted().nIter;
  }

  toJSON(): SerializedEstimator<ResolvedParams, PlattFit> {
    return { kind: KIND, formatVersion: FORMAT_VERSION, params: { ...this.params }, state: { ...this.fitted() } };
  }

  static fromJSON(json: SerializedEstimator): PlattCalibrator {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const calibrator = new PlattCalibrator(json.params as PlattCalibratorParams);
    const state = json.state as PlattFit;
    calibrator.state = { slope: state.slope, intercept: state.intercept, nIter: state.nIter, loss: state.loss };
    return calibrator;
  }

  private features(scores: ArrayLike<number>): Float64Array {
    if (this.params.input === 'raw') return Float64Array.from(scores);
    const { epsilon } = this.params;
    return Float64Array.from(scores, (s) => {
      const p = Math.min(1 - epsilon, Math.max(epsilon, s));
      return Math.log(p / (1 - p));
    });
  }

  private fitted(): PlattFit {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }
}

registerKind(KIND, (json) => PlattCalibrator.fromJSON(json));
