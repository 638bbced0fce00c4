import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';

/**
 * Input guards shared by every metric. Each throws an `InputError` whose message starts
 * with the metric's name (`who`) and names the argument and row that is wrong.
 */

/** Throws unless `values` has exactly `expected` entries. */
export function assertLength(values: ArrayLike<number>, expected: number, who: string, what: string): void {
  if (values.length !== expected) {
    throw new InputError(`${who}: ${expected} labels but ${values.length} ${what}; they must match row for row`);
  }
}

/** Throws unless there is at least one row. */
export function assertNotEmpty(labels: Labels, who: string): void {
  if (labels.length === 0) throw new InputError(`${who}: no rows; labels is empty`);
}

/** Throws unless every label is 0 or 1. */
export function assertBinaryLabels(labels: Labels, who: string, what = 'label'): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new InputError(`${who}: ${what} at row ${i} is ${y}, expected 0 or 1`);
  }
}

/** Throws unless every label is a class index 0, 1, 2, … */
export function assertClassLabels(labels: Labels, who: string, what = 'label'): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0) {
      throw new InputError(`${who}: ${what} at row ${i} is ${y}, expected a class index 0, 1, 2, …`);
    }
  }
}

/** Throws unless every score is a finite number (no NaN, no ±Infinity). */
export function assertFiniteScores(scores: ArrayLike<number>, who: string, what = 'score'): void {
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      throw new InputError(`${who}: ${what} at row ${i} is ${s}; ${what}s must be finite numbers`);
    }
  }
}

/** Throws unless every probability lies in [0, 1]. */
export function assertProbabilities(probabilities: ArrayLike<number>, who: string): void {
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new InputError(`${who}: probability at row ${i} is ${p}; probabilities must lie in [0, 1]`);
    }
  }
}

/** Throws unless weights match the labels, are finite, non-negative and not all zero. */
export function assertWeights(sampleWeight: SampleWeight | undefined, rows: number, who: string): void {
  if (!sampleWeight) return;
  if (sampleWeight.length !== rows) {
    throw new InputError(`${who}: ${rows} labels but ${sampleWeight.length} sample weights; they must match row for row`);
  }
  let total = 0;
  for (let i = 0; i < sampleWeight.length; i++) {
    const w = sampleWeight[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new InputError(`${who}: sample weight at row ${i} is ${w}; weights must be finite and non-negative`);
    }
    total += w;
  }
  if (rows > 0 && total === 0) throw new InputError(`${who}: every sample weight is zero`);
}

/** The checks of a binary score metric: lengths, 0/1 labels, finite scores, valid weights. */
export function assertBinaryScores(labels: Labels, scores: ArrayLike<number>, who: string, sampleWeight?: SampleWeight): void {
  assertLength(scores, labels.length, who, 'scores');
  assertNotEmpty(labels, who);
  assertBinaryLabels(labels, who);
  assertFiniteScores(scores, who);
  assertWeights(sampleWeight, labels.length, who);
}

/** The checks of a metric on predicted classes: lengths, class-index labels and predictions, weights. */
export function assertPredictions(labels: Labels, predicted: Labels, who: string, sampleWeight?: SampleWeight): void {
  assertLength(predicted, labels.length, who, 'predictions');
  assertNotEmpty(labels, who);
  assertClassLabels(labels, who);
  assertClassLabels(predicted, who, 'prediction');
  assertWeights(sampleWeight, labels.length, who);
}

/** Throws unless both classes 0 and 1 carry weight. */
export function assertBothClasses(positives: number, negatives: number, who: string, what: string): void {
  if (positives <= 0 || negatives <= 0) {
    const missing = positives <= 0 ? 'positive (1)' : 'negative (0)';
    throw new InputError(`${who}: only one class is present in labels (no ${missing} rows); ${what} is not defined`);
  }
}
