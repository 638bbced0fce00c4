import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';
import { binaryClfCurve } from './binary-clf-curve.js';

export interface RocCurveOptions {
  sampleWeight?: SampleWeight;
  /**
   * Drop thresholds whose point lies on a straight segment between its neighbours, as
   * scikit-learn's `roc_curve(drop_intermediate=True)` does (same AUC, fewer points).
   * Default false: every distinct score is a threshold, which threshold tuning needs.
   */
  dropIntermediate?: boolean;
}

/** A ROC curve: rates at each threshold, predicting positive when score ≥ threshold. */
export interface RocCurve {
  /** False-positive rate, increasing from 0 to 1. */
  fpr: Float64Array;
  /** True-positive rate (recall), increasing from 0 to 1. */
  tpr: Float64Array;
  /** Decreasing; the first is max(score) + 1 (no row predicted positive), as in scikit-learn 1.2. */
  thresholds: Float64Array;
}

/**
 * scikit-learn's `roc_curve` for binary labels. Throws an `InputError` when only one
 * class carries weight (scikit-learn warns and returns NaN rates instead).
 */
export function rocCurve(labels: Labels, scores: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  const { sampleWeight, dropIntermediate = false } = options;
  assertBinaryScores(labels, scores, 'rocCurve', sampleWeight);
  let { fps, tps, thresholds } = binaryClfCurve(labels, scores, sampleWeight);
  assertBothClasses(tps[tps.length - 1], fps[fps.length - 1], 'rocCurve', 'the ROC curve');
  if (dropIntermediate && fps.length > 2) {
    const keep = cornerIndices(fps, tps);
    const pick = (values: Float64Array) => Float64Array.from(keep, (k) => values[k]);
    [fps, tps, thresholds] = [pick(fps), pick(tps), pick(thresholds)];
  }
  const m = fps.length;
  const totalNeg = fps[m - 1];
  const totalPos = tps[m - 1];
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m + 1);
  outThresholds[0] = thresholds[0] + 1;
  for (let k = 0; k < m; k++) {
    fpr[k + 1] = fps[k] / totalNeg;
    tpr[k + 1] = tps[k] / totalPos;
    outThresholds[k + 1] = thresholds[k];
  }
  return { fpr, tpr, thresholds: outThresholds };
}

/** Indices kept by scikit-learn's drop_intermediate: ends, and points where either second difference is non-zero. */
function cornerIndices(fps: Float64Array, tps: Float64Array): Int32Array {
  const keep: number[] = [0];
  for (let k = 1; k < fps.length - 1; k++) {
    const fpCurvature = fps[k + 1] - fps[k] - (fps[k] - fps[k - 1]);
    const tpCurvature = tps[k + 1] - tps[k] - (tps[k] - tps[k - 1]);
    if (fpCurvature !== 0 || tpCurvature !== 0) keep.push(k);
  }
  keep.push(fps.length - 1);
  return Int32Array.from(keep);
}
