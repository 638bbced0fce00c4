import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';

const EPS = 2.220446049250313e-16;

/**
 * Binary log loss (scikit-learn's `log_loss` with probabilities of class 1):
 * probabilities are clipped to [ε, 1 − ε] with ε the float64 machine epsilon.
 */
export function logLoss(labels: Labels, probabilities: ArrayLike<number>, sampleWeight?: SampleWeight): number {
  if (labels.length !== probabilities.length) {
    throw new InputError(`logLoss: ${labels.length} labels but ${probabilities.length} probabilities`);
  }
  if (labels.length === 0) throw new InputError('logLoss: no rows');
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new InputError(`logLoss: label at row ${i} is ${y}, expected 0 or 1`);
    const p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
    if (Number.isNaN(p)) throw new InputError(`logLoss: probability at row ${i} is NaN`);
    const w = sampleWeight ? sampleWeight[i] : 1;
    total -= w * (y === 1 ? Math.log(p) : Math.log(1 - p));
    weightSum += w;
  }
  return total / weightSum;
}

/** Multi-class log loss from a rows × classes probability matrix (rows renormalised to sum 1). */
export function multiClassLogLoss(labels: Labels, probabilities: Matrix, sampleWeight?: SampleWeight): number {
  if (labels.length !== probabilities.rows) {
    throw new InputError(`multiClassLogLoss: ${labels.length} labels but ${probabilities.rows} probability rows`);
  }
  const k = probabilities.cols;
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= k)
      throw new InputError(`multiClassLogLoss: label at row ${i} is ${y}, expected 0..${k - 1}`);
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += Math.min(1 - EPS, Math.max(EPS, probabilities.data[i * k + c]));
    const p = Math.min(1 - EPS, Math.max(EPS, probabilities.data[i * k + y])) / rowSum;
    const w = sampleWeight ? sampleWeight[i] : 1;
    total -= w * Math.log(p);
    weightSum += w;
  }
  return total / weightSum;
}
