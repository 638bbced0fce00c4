import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryLabels, assertPredictions } from './assert-inputs.js';
import { type BinaryConfusion, countBinary } from './confusion-matrix.js';

/**
 * Threshold metrics of a binary classifier (class 1 is the positive class), from 0/1
 * labels and 0/1 predictions, with scikit-learn's formulas and its default zero-division
 * behaviour: a ratio whose denominator is zero is 0 (scikit-learn's `zero_division="warn"`
 * value; no warning is raised or returned here).
 */

/** a / b, or 0 when b is 0 (scikit-learn's zero-division default). */
export function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** F-beta from counts, as scikit-learn: 0 when precision and recall are both 0; recall when beta is Infinity. */
export function fBetaFromCounts(tp: number, fp: number, fn: number, beta: number): number {
  const precision = ratioOrZero(tp, tp + fp);
  const recall = ratioOrZero(tp, tp + fn);
  if (beta === Number.POSITIVE_INFINITY) return recall;
  const beta2 = beta * beta;
  const denominator = beta2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + beta2) * precision * recall) / denominator;
}

/** Validates 0/1 labels and predictions and returns the (weighted) confusion cells. */
export function binaryCells(labels: Labels, predicted: Labels, who: string, sampleWeight?: SampleWeight): BinaryConfusion {
  assertPredictions(labels, predicted, who, sampleWeight);
  assertBinaryLabels(labels, who);
  assertBinaryLabels(predicted, who, 'prediction');
  return countBinary(labels, predicted, sampleWeight);
}

/** Checks an F-beta `beta`: a non-negative number (Infinity allowed, giving recall). */
export function assertBeta(beta: number, who: string): void {
  if (typeof beta !== 'number' || Number.isNaN(beta) || beta < 0) {
    throw new InputError(`${who}: beta is ${beta}; it must be a non-negative number (1 for F1)`);
  }
}

/** Precision tp / (tp + fp): the share of predicted positives that are positive. */
export function precisionScore(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  const { tp, fp } = binaryCells(labels, predicted, 'precisionScore', sampleWeight);
  return ratioOrZero(tp, tp + fp);
}

/** Recall (sensitivity, true-positive rate) tp / (tp + fn). */
export function recallScore(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  const { tp, fn } = binaryCells(labels, predicted, 'recallScore', sampleWeight);
  return ratioOrZero(tp, tp + fn);
}

/** Specificity (true-negative rate) tn / (tn + fp): scikit-learn's recall with pos_label=0. */
export function specificityScore(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  const { tn, fp } = binaryCells(labels, predicted, 'specificityScore', sampleWeight);
  return ratioOrZero(tn, tn + fp);
}

/** F-beta: (1 + β²)·P·R / (β²·P + R); beta > 1 weighs recall more, beta < 1 precision. */
export function fBetaScore(labels: Labels, predicted: Labels, beta: number, sampleWeight?: SampleWeight): number {
  assertBeta(beta, 'fBetaScore');
  const { tp, fp, fn } = binaryCells(labels, predicted, 'fBetaScore', sampleWeight);
  return fBetaFromCounts(tp, fp, fn, beta);
}

/** F1, the harmonic mean of precision and recall. */
export function f1Score(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  const { tp, fp, fn } = binaryCells(labels, predicted, 'f1Score', sampleWeight);
  return fBetaFromCounts(tp, fp, fn, 1);
}

/** The (weighted) share of rows predicted positive: how many leads a threshold sends to sales. */
export function predictedPositiveRate(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  const { tn, fp, fn, tp } = binaryCells(labels, predicted, 'predictedPositiveRate', sampleWeight);
  return (tp + fp) / (tn + fp + fn + tp);
}
