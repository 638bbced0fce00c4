import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';
import { binaryClfCurve } from './binary-clf-curve.js';

/** The Kolmogorov–Smirnov separation of a score. */
export interface KsStatistic {
  /** max over thresholds of TPR − FPR (≥ 0; 0 when no threshold beats predicting nobody). */
  statistic: number;
  /** The highest threshold reaching the maximum: predict positive when score ≥ threshold. */
  threshold: number;
  /** True- and false-positive rates at that threshold. */
  tpr: number;
  fpr: number;
}

/**
 * KS statistic of a binary score: the largest gap between the score distributions of
 * positives and negatives, max(TPR − FPR) over cut-offs — the one-sided two-sample KS
 * statistic of scipy's `ks_2samp(negatives, positives, alternative='greater')`, i.e.
 * Youden's J at its best threshold. Ties are kept together (a threshold never splits them).
 */
export function ksStatistic(labels: Labels, scores: ArrayLike<number>, sampleWeight?: SampleWeight): KsStatistic {
  assertBinaryScores(labels, scores, 'ksStatistic', sampleWeight);
  const { fps, tps, thresholds } = binaryClfCurve(labels, scores, sampleWeight);
  const m = fps.length;
  const totalPos = tps[m - 1];
  const totalNeg = fps[m - 1];
  assertBothClasses(totalPos, totalNeg, 'ksStatistic', 'the KS statistic');
  let best: KsStatistic = { statistic: 0, threshold: thresholds[0] + 1, tpr: 0, fpr: 0 };
  for (let k = 0; k < m; k++) {
    const tpr = tps[k] / totalPos;
    const fpr = fps[k] / totalNeg;
    if (tpr - fpr > best.statistic) best = { statistic: tpr - fpr, threshold: thresholds[k], tpr, fpr };
  }
  return best;
}
