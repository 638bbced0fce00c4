import type { Labels, SampleWeight } from '../core/labels.js';
import { assertPredictions } from './assert-inputs.js';
import { type ConfusionMatrix, resolveClasses, tabulate } from './confusion-matrix.js';

/** scikit-learn's `accuracy_score`: the (weighted) share of rows whose prediction equals the label. */
export function accuracyScore(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  assertPredictions(labels, predicted, 'accuracyScore', sampleWeight);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = sampleWeight ? sampleWeight[i] : 1;
    if (labels[i] === predicted[i]) correct += w;
    total += w;
  }
  return correct / total;
}

export interface BalancedAccuracyOptions {
  /** Rescale so that chance scores 0 and perfect scores 1 (scikit-learn's `adjusted`). Default false. */
  adjusted?: boolean;
}

/**
 * scikit-learn's `balanced_accuracy_score`: the mean recall over the classes present in
 * the labels (binary or multi-class); classes only predicted, never true, are skipped.
 */
export function balancedAccuracyScore(
  labels: Labels,
  predicted: Labels,
  sampleWeight?: SampleWeight,
  options: BalancedAccuracyOptions = {},
): number {
  assertPredictions(labels, predicted, 'balancedAccuracyScore', sampleWeight);
  const classes = resolveClasses(labels, predicted, undefined, 'balancedAccuracyScore');
  return balancedAccuracyFromConfusion(tabulate(labels, predicted, classes, sampleWeight), options.adjusted ?? false);
}

/** Balanced accuracy of a confusion matrix (rows = true classes). */
export function balancedAccuracyFromConfusion({ counts }: ConfusionMatrix, adjusted = false): number {
  let sum = 0;
  let present = 0;
  for (let i = 0; i < counts.length; i++) {
    const support = counts[i].reduce((a, b) => a + b, 0);
    if (support === 0) continue;
    sum += counts[i][i] / support;
    present++;
  }
  const score = sum / present;
  if (!adjusted) return score;
  const chance = 1 / present;
  return (score - chance) / (1 - chance);
}
