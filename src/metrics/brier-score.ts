import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertProbabilities } from './assert-inputs.js';

/**
 * scikit-learn's `brier_score_loss`: the (weighted) mean squared difference between the
 * predicted probability of class 1 and the 0/1 label. 0 is perfect; always predicting the
 * base rate p scores p(1 − p).
 */
export function brierScoreLoss(labels: Labels, probabilities: ArrayLike<number>, sampleWeight?: SampleWeight): number {
  assertBinaryScores(labels, probabilities, 'brierScoreLoss', sampleWeight);
  assertProbabilities(probabilities, 'brierScoreLoss');
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = sampleWeight ? sampleWeight[i] : 1;
    const d = labels[i] - probabilities[i];
    total += w * d * d;
    weightSum += w;
  }
  return total / weightSum;
}
