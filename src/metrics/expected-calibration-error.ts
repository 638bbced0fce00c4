import type { Labels } from '../core/labels.js';
import { type CalibrationOptions, calibrationCurve } from './calibration-curve.js';

/**
 * Expected calibration error: Σ_b (n_b / n) · |observed rate_b − mean probability_b| over
 * the bins of `calibrationCurve` (uniform bins by default, or quantile bins). 0 means the
 * probabilities match observed conversion rates bin by bin.
 */
export function expectedCalibrationError(
  labels: Labels,
  probabilities: ArrayLike<number>,
  options: CalibrationOptions = {},
): number {
  const { probTrue, probPred, counts } = calibrationCurve(labels, probabilities, options);
  let error = 0;
  for (let b = 0; b < counts.length; b++) error += counts[b] * Math.abs(probTrue[b] - probPred[b]);
  return error / labels.length;
}

/** Maximum calibration error: the largest |observed rate − mean probability| over non-empty bins. */
export function maxCalibrationError(labels: Labels, probabilities: ArrayLike<number>, options: CalibrationOptions = {}): number {
  const { probTrue, probPred } = calibrationCurve(labels, probabilities, options);
  let worst = 0;
  for (let b = 0; b < probTrue.length; b++) worst = Math.max(worst, Math.abs(probTrue[b] - probPred[b]));
  return worst;
}
