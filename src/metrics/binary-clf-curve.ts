import type { Labels, SampleWeight } from '../core/labels.js';

/** Cumulative (weighted) false and true positives at each distinct score threshold. */
export interface ThresholdCounts {
  /** False positives among rows with score ≥ thresholds[i]. */
  fps: Float64Array;
  /** True positives among rows with score ≥ thresholds[i]. */
  tps: Float64Array;
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
}

/**
 * scikit-learn's `_binary_clf_curve`: rows are sorted by decreasing score (ties in
 * decreasing row order, as NumPy's reversed stable argsort gives), zero-weight rows are
 * dropped, and the running sums are read at the last row of each run of equal scores.
 * The sums run in that order so weighted counts agree with scikit-learn to the last bit.
 * Inputs are assumed valid (see `assertBinaryScores`).
 */
export function binaryClfCurve(labels: Labels, scores: ArrayLike<number>, sampleWeight?: SampleWeight): ThresholdCounts {
  const order = descendingOrder(scores, sampleWeight);
  const n = order.length;
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const r = order[k];
    if (sampleWeight) {
      const w = sampleWeight[r];
      tp += labels[r] * w;
      fp += (1 - labels[r]) * w;
    } else if (labels[r] === 1) tp++;
    if (k === n - 1 || scores[order[k + 1]] !== scores[r]) {
      // Unweighted false positives are counted as scikit-learn does: rows so far minus tps.
      fps.push(sampleWeight ? fp : k + 1 - tp);
      tps.push(tp);
      thresholds.push(scores[r]);
    }
  }
  return { fps: Float64Array.from(fps), tps: Float64Array.from(tps), thresholds: Float64Array.from(thresholds) };
}

/** Row indices with non-zero weight, by decreasing score; equal scores in decreasing row order. */
function descendingOrder(scores: ArrayLike<number>, sampleWeight?: SampleWeight): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < scores.length; i++) if (sampleWeight?.[i] !== 0) kept.push(i);
  const order = Int32Array.from(kept);
  order.sort((a, b) => scores[b] - scores[a] || b - a);
  return order;
}
