import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { balancedAccuracyFromConfusion } from './accuracy.js';
import { assertBinaryScores } from './assert-inputs.js';
import { assertBeta, fBetaFromCounts, ratioOrZero } from './binary-scores.js';
import { kappaFromConfusion } from './cohen-kappa.js';
import { type BinaryConfusion, type ConfusionMatrix, countBinary } from './confusion-matrix.js';
import { matthewsFromConfusion } from './matthews-corrcoef.js';

export interface BinaryReportOptions {
  sampleWeight?: SampleWeight;
  /** The beta of the extra `fBeta` entry. Default 2 (recall weighs more: missing a buyer costs more than a call). */
  beta?: number;
}

/** Every threshold metric of one cut-off; counts are weighted when sample weights are given. */
export interface BinaryReport extends BinaryConfusion {
  threshold: number;
  /** (Weighted) rows with label 1 and with label 0. */
  positives: number;
  negatives: number;
  accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  beta: number;
  fBeta: number;
  balancedAccuracy: number;
  mcc: number;
  /** Cohen's kappa; NaN when labels and predictions are all one and the same class. */
  kappa: number;
  predictedPositiveRate: number;
}

/**
 * All threshold metrics at once for scores cut at `threshold`: a row is predicted positive
 * when score ≥ threshold (the convention of `rocCurve` and scikit-learn's curves). Each
 * value equals the single-metric function (and scikit-learn) on the same predictions;
 * ratios with a zero denominator are 0.
 */
export function binaryReport(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
  options: BinaryReportOptions = {},
): BinaryReport {
  const { sampleWeight, beta = 2 } = options;
  assertBinaryScores(labels, scores, 'binaryReport', sampleWeight);
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new InputError(`binaryReport: threshold is ${threshold}; it must be a number`);
  }
  assertBeta(beta, 'binaryReport');
  const predicted = Uint8Array.from(scores as ArrayLike<number>, (s) => (s >= threshold ? 1 : 0));
  const cells = countBinary(labels, predicted, sampleWeight);
  return reportFromCells(cells, threshold, beta);
}

/** The report of given confusion cells. */
export function reportFromCells(cells: BinaryConfusion, threshold: number, beta = 2): BinaryReport {
  const { tn, fp, fn, tp } = cells;
  const total = tn + fp + fn + tp;
  const matrix: ConfusionMatrix = {
    classes: [0, 1],
    counts: [
      [tn, fp],
      [fn, tp],
    ],
  };
  return {
    threshold,
    ...cells,
    positives: tp + fn,
    negatives: tn + fp,
    accuracy: (tp + tn) / total,
    precision: ratioOrZero(tp, tp + fp),
    recall: ratioOrZero(tp, tp + fn),
    specificity: ratioOrZero(tn, tn + fp),
    f1: fBetaFromCounts(tp, fp, fn, 1),
    beta,
    fBeta: fBetaFromCounts(tp, fp, fn, beta),
    balancedAccuracy: balancedAccuracyFromConfusion(matrix),
    mcc: matthewsFromConfusion(matrix),
    kappa: kappaFromConfusion(matrix),
    predictedPositiveRate: (tp + fp) / total,
  };
}
