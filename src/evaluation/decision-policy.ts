import { SerializationError } from '../core/errors.js';
import { fromJSON, type SerializedEstimator } from '../core/serialization.js';
import type { GradeCutoffs } from './grade-cutoffs.js';
import { leadScore } from './lead-score.js';
import type { ScorePercentiles } from './score-percentiles.js';
import type { ThresholdRule } from './threshold-rule.js';

/**
 * How raw model scores become decisions, as plain JSON: calibration, the 0–100 lead score
 * and its percentile, grades A–D and the route (send to sales or nurture). Fitted on
 * out-of-fold scores; stored with the model in the artifact.
 */
export interface DecisionPolicy {
  /** A serialized PlattCalibrator / IsotonicCalibrator, or null (scores used as they are). */
  calibrator: SerializedEstimator | null;
  calibration: 'isotonic' | 'platt' | 'none';
  /** Calibrated probability from which a lead is sent to sales. */
  threshold: number;
  thresholdRule: ThresholdRule;
  /** What the threshold meant on the out-of-fold scores. */
  thresholdSummary: {
    precision: number;
    recall: number;
    predictedPositiveRate: number;
    baseRateMultiple: number;
    message: string;
  };
  /** Grade cut-offs over the calibrated probability (serialized GradeCutoffs). */
  grades: SerializedEstimator;
  /** Reference distribution for percentiles of the calibrated probability (serialized ScorePercentiles). */
  percentiles: SerializedEstimator;
  /** Conversion rate of the training leads. */
  baseRate: number;
  /** Mean 0–100 score of the training leads (out of fold), shown with the policy. */
  averageScore: number;
}

export type Route = 'sales' | 'nurture';

export interface Decision {
  probability: number;
  score: number;
  percentile: number;
  grade: string;
  route: Route;
}

/** A policy ready to apply. */
export class CompiledPolicy {
  private readonly calibrator: { transform(s: ArrayLike<number>): Float64Array } | null;
  private readonly grades: GradeCutoffs;
  private readonly percentiles: ScorePercentiles;

  constructor(readonly policy: DecisionPolicy) {
    if (!Number.isFinite(policy.threshold)) throw new SerializationError('decision policy: the threshold is not a number');
    this.calibrator = policy.calibrator ? fromJSON(policy.calibrator) : null;
    this.grades = fromJSON<GradeCutoffs>(policy.grades);
    this.percentiles = fromJSON<ScorePercentiles>(policy.percentiles);
  }

  /** Calibrated probabilities of raw model scores. */
  calibrate(raw: ArrayLike<number>): Float64Array {
    return this.calibrator ? this.calibrator.transform(raw) : Float64Array.from(raw);
  }

  /** The decision for each raw score. */
  decide(raw: ArrayLike<number>): Decision[] {
    const p = this.calibrate(raw);
    return Array.from(p, (probability) => ({
      probability,
      score: leadScore(probability),
      percentile: this.percentiles.percentile(probability),
      grade: this.grades.gradeOf(probability),
      route: probability >= this.policy.threshold ? 'sales' : 'nurture',
    }));
  }

  get gradeNames(): readonly string[] {
    return this.grades.grades;
  }
}
