import type { Labels } from '../core/labels.js';
import { type ThresholdRule, thresholdRuleLabel } from './threshold-rule.js';
import type { ThresholdPoint } from './threshold-table.js';
import { type TunedThreshold, tuneThreshold } from './tune-threshold.js';

/** What working every lead scoring at least `threshold` gives on some leads. */
export function thresholdOutcome(labels: Labels, scores: ArrayLike<number>, threshold: number): ThresholdPoint {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    positives += labels[i] === 1 ? 1 : 0;
    if (scores[i] < threshold) continue;
    if (labels[i] === 1) tp++;
    else fp++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = positives ? tp / positives : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const baseRate = positives / Math.max(1, labels.length);
  return {
    threshold,
    leadsWorked: tp + fp,
    conversionsCaptured: tp,
    wastedCalls: fp,
    precision,
    recall,
    f1,
    fBeta: f1,
    predictedPositiveRate: (tp + fp) / Math.max(1, labels.length),
    baseRateMultiple: baseRate > 0 ? threshold / baseRate : Number.NaN,
  };
}

/**
 * Each threshold rule chosen honestly on out-of-fold scores, and what it then gives on the
 * hold-out: the rows of a "which threshold?" table, and hold-out points for the
 * precision-recall chart.
 */
export function thresholdRuleOutcomes(
  tuning: { labels: Labels; scores: ArrayLike<number> },
  holdout: { labels: Labels; scores: ArrayLike<number> },
  rules: readonly ThresholdRule[],
): { rows: Record<string, string | number>[]; holdoutPoints: TunedThreshold[] } {
  const rows: Record<string, string | number>[] = [];
  const holdoutPoints: TunedThreshold[] = [];
  for (const rule of rules) {
    const tuned = tuneThreshold(tuning.labels, tuning.scores, rule);
    const h = thresholdOutcome(holdout.labels, holdout.scores, tuned.threshold);
    rows.push({
      rule: thresholdRuleLabel(rule),
      threshold: Number(tuned.threshold.toPrecision(3)),
      '× base rate': Number(tuned.baseRateMultiple.toFixed(1)),
      'precision % (out of fold)': Number((100 * tuned.precision).toFixed(1)),
      'recall % (out of fold)': Number((100 * tuned.recall).toFixed(1)),
      'precision % (hold-out)': Number((100 * h.precision).toFixed(1)),
      'recall % (hold-out)': Number((100 * h.recall).toFixed(1)),
      'leads sent % (hold-out)': Number((100 * h.predictedPositiveRate).toFixed(1)),
      reached: tuned.reached ? 'yes' : `no: ${tuned.message}`,
    });
    holdoutPoints.push({ ...tuned, ...h, rule, reached: tuned.reached, message: tuned.message, beta: tuned.beta });
  }
  return { rows, holdoutPoints };
}
