import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import { gradeCutoffs } from '../evaluation/grade-cutoffs.js';
import { IsotonicCalibrator } from '../evaluation/isotonic-calibrator.js';
import { PlattCalibrator } from '../evaluation/platt-calibrator.js';
import { scorePercentiles } from '../evaluation/score-percentiles.js';
import type { ThresholdRule } from '../evaluation/threshold-rule.js';
import { tuneThreshold } from '../evaluation/tune-threshold.js';
import type { CvResult } from './cross-validate.js';

export type { DecisionPolicy };

/** Conversions from which isotonic calibration is chosen over Platt's by default. */
export const ISOTONIC_MIN_CONVERSIONS = 200;

/**
 * Fits the champion's decision policy on its out-of-fold scores (every score from a model
 * that did not see the lead): calibration (isotonic with enough conversions, else Platt),
 * the threshold by the rule on the calibrated scores, grade cut-offs by capacity quantiles,
 * and the percentile reference.
 */
export function fitDecisionPolicy(
  cv: CvResult,
  options: { threshold?: ThresholdRule; calibration?: 'isotonic' | 'platt' | 'auto'; gradeShares?: number[] } = {},
): DecisionPolicy {
  const rows = [...cv.oofLabels.keys()].filter((i) => cv.oofLabels[i] >= 0 && Number.isFinite(cv.oof[i]));
  const labels = Uint8Array.from(rows, (i) => cv.oofLabels[i]);
  const raw = Float64Array.from(rows, (i) => cv.oof[i]);
  const conversions = labels.reduce((a, b) => a + b, 0);
  const choice = options.calibration ?? 'auto';
  const method = choice === 'auto' ? (conversions >= ISOTONIC_MIN_CONVERSIONS ? 'isotonic' : 'platt') : choice;
  const calibrator =
    method === 'isotonic' ? new IsotonicCalibrator().fit(raw, labels) : new PlattCalibrator({ input: 'raw' }).fit(raw, labels);
  const calibrated = calibrator.transform(raw);
  const rule = options.threshold ?? { maxF: 1 };
  const tuned = tuneThreshold(labels, calibrated, rule);
  const grades = gradeCutoffs({ scores: calibrated, shares: options.gradeShares });
  let sum = 0;
  for (const p of calibrated) sum += p;
  return {
    calibrator: calibrator.toJSON(),
    calibration: method,
    threshold: tuned.threshold,
    thresholdRule: rule,
    thresholdSummary: {
      precision: tuned.precision,
      recall: tuned.recall,
      predictedPositiveRate: tuned.predictedPositiveRate,
      baseRateMultiple: tuned.baseRateMultiple,
      message: tuned.message,
    },
    grades: grades.toJSON(),
    percentiles: scorePercentiles(calibrated).toJSON(),
    baseRate: conversions / labels.length,
    averageScore: (100 * sum) / calibrated.length,
  };
}
