import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertPredictions } from './assert-inputs.js';
import { type ConfusionMatrix, resolveClasses, tabulate } from './confusion-matrix.js';

export interface CohenKappaOptions {
  sampleWeight?: SampleWeight;
  /**
   * Disagreement weights (scikit-learn's `weights`): none (every disagreement counts 1),
   * 'linear' |i − j| or 'quadratic' (i − j)², with i, j positions in the class list.
   */
  weights?: 'linear' | 'quadratic';
  /** Classes to tabulate (default: those present in labels or predictions). */
  classes?: readonly number[];
}

/**
 * scikit-learn's `cohen_kappa_score`: agreement between labels and predictions beyond
 * chance, binary or multi-class. NaN (as scikit-learn) when labels and predictions all
 * fall in one and the same class, where chance agreement is already perfect.
 */
export function cohenKappaScore(labels: Labels, predicted: Labels, options: CohenKappaOptions = {}): number {
  const { sampleWeight, weights } = options;
  assertPredictions(labels, predicted, 'cohenKappaScore', sampleWeight);
  if (weights !== undefined && weights !== 'linear' && weights !== 'quadratic') {
    throw new InputError(`cohenKappaScore: weights is "${weights}", expected 'linear', 'quadratic' or none`);
  }
  const classes = resolveClasses(labels, predicted, options.classes, 'cohenKappaScore');
  return kappaFromConfusion(tabulate(labels, predicted, classes, sampleWeight), weights);
}

/** Cohen's kappa of a confusion matrix (rows = true classes, columns = predicted). */
export function kappaFromConfusion({ counts }: ConfusionMatrix, weights?: 'linear' | 'quadratic'): number {
  const k = counts.length;
  const colSum = new Array<number>(k).fill(0);
  const rowSum = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      rowSum[i] += counts[i][j];
      colSum[j] += counts[i][j];
    }
  }
  const total = colSum.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = Math.abs(i - j);
      const w = weights === 'linear' ? d : weights === 'quadratic' ? d * d : d === 0 ? 0 : 1;
      observed += w * counts[i][j];
      expected += (w * (colSum[i] * rowSum[j])) / total;
    }
  }
  return 1 - observed / expected;
}
