import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';
import { binaryClfCurve } from './binary-clf-curve.js';

/**
 * A precision-recall curve in scikit-learn's order: thresholds increasing, recall
 * decreasing, and a final point (precision 1, recall 0) with no threshold, so
 * `precision` and `recall` have one more entry than `thresholds`.
 */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  /** Increasing distinct scores; at thresholds[i] a row is predicted positive when score ≥ thresholds[i]. */
  thresholds: Float64Array;
}

/**
 * scikit-learn 1.2's `precision_recall_curve` (the full curve: every distinct score is a
 * threshold). Precision is 0 where no row is predicted positive (scikit-learn's value;
 * possible only with zero weights). Throws an `InputError` when no row is positive
 * (scikit-learn warns and sets recall to 1).
 */
export function precisionRecallCurve(
  labels: Labels,
  scores: ArrayLike<number>,
  sampleWeight?: SampleWeight,
): PrecisionRecallCurve {
  assertBinaryScores(labels, scores, 'precisionRecallCurve', sampleWeight);
  const { fps, tps, thresholds } = binaryClfCurve(labels, scores, sampleWeight);
  const m = tps.length;
  const totalPos = tps[m - 1];
  assertBothClasses(totalPos, 1, 'precisionRecallCurve', 'recall');
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const j = m - 1 - k;
    const predicted = tps[j] + fps[j];
    precision[k] = predicted !== 0 ? tps[j] / predicted : 0;
    recall[k] = tps[j] / totalPos;
    outThresholds[k] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: outThresholds };
}
