import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import { assertBinaryScores, assertClassLabels, assertNotEmpty, assertProbabilities, assertWeights } from './assert-inputs.js';

const EPS = 2.220446049250313e-16;

const clip = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/**
 * Binary log loss (scikit-learn's `log_loss` with probabilities of class 1): as there,
 * the pair (1 − p, p) is clipped to [ε, 1 − ε] (ε the float64 machine epsilon) and
 * renormalised, so a probability of exactly 0 or 1 gives a large but finite loss.
 */
export function logLoss(labels: Labels, probabilities: ArrayLike<number>, sampleWeight?: SampleWeight): number {
  assertBinaryScores(labels, probabilities, 'logLoss', sampleWeight);
  assertProbabilities(probabilities, 'logLoss');
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p1 = clip(probabilities[i]);
    const p0 = clip(1 - probabilities[i]);
    const p = (labels[i] === 1 ? p1 : p0) / (p0 + p1);
    const w = sampleWeight ? sampleWeight[i] : 1;
    total -= w * Math.log(p);
    weightSum += w;
  }
  return total / weightSum;
}

/**
 * Multi-class log loss from a rows × classes probability matrix (column c = class c), as
 * scikit-learn's `log_loss` with `labels=[0..K-1]`: entries clipped to [ε, 1 − ε], rows
 * renormalised to sum 1.
 */
export function multiClassLogLoss(labels: Labels, probabilities: Matrix, sampleWeight?: SampleWeight): number {
  const who = 'multiClassLogLoss';
  if (labels.length !== probabilities.rows) {
    throw new InputError(
      `${who}: ${labels.length} labels but ${probabilities.rows} probability rows; they must match row for row`,
    );
  }
  assertNotEmpty(labels, who);
  assertClassLabels(labels, who);
  assertWeights(sampleWeight, labels.length, who);
  const k = probabilities.cols;
  if (k < 2)
    throw new InputError(`${who}: the probability matrix has ${k} column(s); it needs one column per class (at least 2)`);
  for (let i = 0; i < probabilities.data.length; i++) {
    const p = probabilities.data[i];
    if (!(p >= 0 && p <= 1)) {
      throw new InputError(`${who}: probability at row ${Math.floor(i / k)}, class ${i % k} is ${p}; it must lie in [0, 1]`);
    }
  }
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y >= k)
      throw new InputError(`${who}: label at row ${i} is ${y}, but the probability matrix has only classes 0..${k - 1}`);
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clip(probabilities.data[i * k + c]);
    const p = clip(probabilities.data[i * k + y]) / rowSum;
    const w = sampleWeight ? sampleWeight[i] : 1;
    total -= w * Math.log(p);
    weightSum += w;
  }
  return total / weightSum;
}
