import type { Labels, SampleWeight } from '../core/labels.js';
import { assertPredictions } from './assert-inputs.js';
import { type ConfusionMatrix, resolveClasses, tabulate } from './confusion-matrix.js';

/**
 * scikit-learn's `matthews_corrcoef` (binary or multi-class, Gorodkin's R_K statistic):
 * 1 perfect, 0 no better than chance, −1 total disagreement. 0 when labels or predictions
 * hold a single class (the correlation is undefined; scikit-learn returns 0 too).
 */
export function matthewsCorrcoef(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): number {
  assertPredictions(labels, predicted, 'matthewsCorrcoef', sampleWeight);
  const classes = resolveClasses(labels, predicted, undefined, 'matthewsCorrcoef');
  return matthewsFromConfusion(tabulate(labels, predicted, classes, sampleWeight));
}

/** MCC of a confusion matrix (rows = true classes, columns = predicted). */
export function matthewsFromConfusion({ counts }: ConfusionMatrix): number {
  const k = counts.length;
  const trueSum = new Array<number>(k).fill(0);
  const predSum = new Array<number>(k).fill(0);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    correct += counts[i][i];
    for (let j = 0; j < k; j++) {
      trueSum[i] += counts[i][j];
      predSum[j] += counts[i][j];
    }
  }
  const n = predSum.reduce((a, b) => a + b, 0);
  let truePred = 0;
  let predPred = 0;
  let trueTrue = 0;
  for (let i = 0; i < k; i++) {
    truePred += trueSum[i] * predSum[i];
    predPred += predSum[i] * predSum[i];
    trueTrue += trueSum[i] * trueSum[i];
  }
  const covTruePred = correct * n - truePred;
  const covPredPred = n * n - predPred;
  const covTrueTrue = n * n - trueTrue;
  if (covPredPred * covTrueTrue === 0) return 0;
  return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
}
