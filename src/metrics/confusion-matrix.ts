import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryLabels, assertPredictions } from './assert-inputs.js';

export interface ConfusionMatrixOptions {
  sampleWeight?: SampleWeight;
  /**
   * The classes to tabulate, in order (scikit-learn's `labels`). Default: the sorted union
   * of the classes found in labels and predictions. Rows whose label or prediction is not
   * listed are left out.
   */
  classes?: readonly number[];
}

/** A confusion matrix: `counts[i][j]` is the (weighted) number of rows of class `classes[i]` predicted as `classes[j]`. */
export interface ConfusionMatrix {
  classes: number[];
  counts: number[][];
}

/** The four cells of a binary confusion matrix (weighted when sample weights are given). */
export interface BinaryConfusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/** scikit-learn's `confusion_matrix` for class-index labels (binary or multi-class). */
export function confusionMatrix(labels: Labels, predicted: Labels, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  const { sampleWeight } = options;
  assertPredictions(labels, predicted, 'confusionMatrix', sampleWeight);
  const classes = resolveClasses(labels, predicted, options.classes, 'confusionMatrix');
  return tabulate(labels, predicted, classes, sampleWeight);
}

/** The (weighted) confusion matrix over given classes; inputs are assumed valid. */
export function tabulate(labels: Labels, predicted: Labels, classes: number[], sampleWeight?: SampleWeight): ConfusionMatrix {
  const k = classes.length;
  const position = new Map<number, number>();
  for (const [i, c] of classes.entries()) position.set(c, i);
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < labels.length; r++) {
    const i = position.get(labels[r]);
    const j = position.get(predicted[r]);
    if (i === undefined || j === undefined) continue;
    counts[i][j] += sampleWeight ? sampleWeight[r] : 1;
  }
  return { classes, counts };
}

/**
 * The classes a multi-class metric works over: the explicit list when given (checked to
 * be distinct class indices), else the sorted union of classes present in labels and predictions.
 */
export function resolveClasses(labels: Labels, predicted: Labels, classes: readonly number[] | undefined, who: string): number[] {
  if (classes) {
    if (classes.length === 0) throw new InputError(`${who}: classes is empty; list at least one class index`);
    const seen = new Set<number>();
    for (const c of classes) {
      if (!Number.isInteger(c) || c < 0) throw new InputError(`${who}: classes holds ${c}, expected class indices 0, 1, 2, …`);
      if (seen.has(c)) throw new InputError(`${who}: classes lists ${c} twice`);
      seen.add(c);
    }
    return [...classes];
  }
  const present = new Set<number>();
  for (let i = 0; i < labels.length; i++) present.add(labels[i]);
  for (let i = 0; i < predicted.length; i++) present.add(predicted[i]);
  return [...present].sort((a, b) => a - b);
}

/** Binary confusion cells for 0/1 labels and 0/1 predictions. */
export function binaryConfusion(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): BinaryConfusion {
  assertPredictions(labels, predicted, 'binaryConfusion', sampleWeight);
  assertBinaryLabels(labels, 'binaryConfusion');
  assertBinaryLabels(predicted, 'binaryConfusion', 'prediction');
  return countBinary(labels, predicted, sampleWeight);
}

/** Binary confusion cells; inputs are assumed valid 0/1 arrays. */
export function countBinary(labels: Labels, predicted: Labels, sampleWeight?: SampleWeight): BinaryConfusion {
  const cells = { tn: 0, fp: 0, fn: 0, tp: 0 };
  for (let i = 0; i < labels.length; i++) {
    const w = sampleWeight ? sampleWeight[i] : 1;
    if (labels[i] === 1) {
      if (predicted[i] === 1) cells.tp += w;
      else cells.fn += w;
    } else if (predicted[i] === 1) cells.fp += w;
    else cells.tn += w;
  }
  return cells;
}
