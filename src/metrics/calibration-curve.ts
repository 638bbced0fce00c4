import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertProbabilities } from './assert-inputs.js';
import { linspace, quantileSorted, sortedCopy } from './quantile.js';

export interface CalibrationOptions {
  /** Number of bins. Default 10 (scikit-learn's `calibration_curve` defaults to 5). */
  nBins?: number;
  /** 'uniform': equal-width bins on [0, 1] (default); 'quantile': bins holding equal numbers of rows. */
  strategy?: 'uniform' | 'quantile';
}

/** A reliability curve: one entry per non-empty bin, in increasing probability. */
export interface CalibrationCurve {
  /** Observed share of positives in each non-empty bin (scikit-learn's `prob_true`). */
  probTrue: Float64Array;
  /** Mean predicted probability in each non-empty bin (scikit-learn's `prob_pred`). */
  probPred: Float64Array;
  /** Rows in each non-empty bin. */
  counts: Float64Array;
  /** Index (0..nBins−1) of each non-empty bin. */
  bins: Int32Array;
  /** The nBins + 1 bin edges; bin b holds edges[b] < p ≤ edges[b+1] (the first bin also holds edges[0]). */
  edges: Float64Array;
}

/**
 * scikit-learn's `calibration_curve`: rows are binned by predicted probability (NumPy's
 * searchsorted on the inner edges, so a probability equal to an edge falls in the lower
 * bin; quantile edges are `np.percentile` of the probabilities) and empty bins are dropped.
 */
export function calibrationCurve(
  labels: Labels,
  probabilities: ArrayLike<number>,
  options: CalibrationOptions = {},
): CalibrationCurve {
  const who = 'calibrationCurve';
  const { nBins = 10, strategy = 'uniform' } = options;
  assertBinaryScores(labels, probabilities, who);
  assertProbabilities(probabilities, who);
  const edges = calibrationEdges(probabilities, nBins, strategy, who);
  const sumProb = new Float64Array(nBins);
  const sumTrue = new Float64Array(nBins);
  const total = new Float64Array(nBins);
  for (let i = 0; i < labels.length; i++) {
    const b = binOf(edges, probabilities[i]);
    sumProb[b] += probabilities[i];
    sumTrue[b] += labels[i];
    total[b] += 1;
  }
  const bins: number[] = [];
  for (let b = 0; b < nBins; b++) if (total[b] !== 0) bins.push(b);
  return {
    probTrue: Float64Array.from(bins, (b) => sumTrue[b] / total[b]),
    probPred: Float64Array.from(bins, (b) => sumProb[b] / total[b]),
    counts: Float64Array.from(bins, (b) => total[b]),
    bins: Int32Array.from(bins),
    edges,
  };
}

/** Bin edges of `calibration_curve`: `linspace(0, 1, nBins + 1)` or its percentiles of the probabilities. */
export function calibrationEdges(probabilities: ArrayLike<number>, nBins: number, strategy: string, who: string): Float64Array {
  if (!Number.isInteger(nBins) || nBins < 1) throw new InputError(`${who}: nBins is ${nBins}; it must be a whole number ≥ 1`);
  const grid = linspace(0, 1, nBins + 1);
  if (strategy === 'uniform') return grid;
  if (strategy !== 'quantile') throw new InputError(`${who}: strategy is "${strategy}", expected 'uniform' or 'quantile'`);
  const sorted = sortedCopy(probabilities);
  // calibration_curve passes quantiles · 100 to np.percentile, which divides by 100 again.
  return grid.map((q) => quantileSorted(sorted, (q * 100) / 100));
}

/** Index of the bin holding p: the number of inner edges strictly below p (NumPy's searchsorted, side 'left'). */
export function binOf(edges: Float64Array, p: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
