import type { Labels } from '../core/labels.js';
import {
  assertLength,
  brierScoreLoss,
  type CalibrationCurve,
  type CalibrationOptions,
  calibrationCurve,
  expectedCalibrationError,
  logLoss,
} from '../metrics/index.js';

/** How well one set of probabilities matches observed conversion rates. */
export interface CalibrationSummary {
  /** The reliability curve: observed rate vs mean predicted probability per bin. */
  curve: CalibrationCurve;
  /** Mean squared error of the probabilities (lower is better). */
  brier: number;
  /** Expected calibration error over the curve's bins (0 = perfectly calibrated bins). */
  ece: number;
  logLoss: number;
  /** Mean predicted probability: equal to the observed rate for calibration-in-the-large. */
  meanPredicted: number;
}

export interface CalibrationReport {
  before: CalibrationSummary;
  after: CalibrationSummary;
  /** Observed conversion rate of the leads. */
  observedRate: number;
  nBins: number;
  strategy: 'uniform' | 'quantile';
}

/**
 * Reliability curves, Brier score, expected calibration error and log loss of a model's
 * probabilities before and after calibration, on the same labelled leads (a hold-out the
 * calibrator was not fitted on). `bins` is a bin count (uniform bins) or calibration options.
 */
export function calibrationReport(
  labels: Labels,
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  bins: number | CalibrationOptions = 10,
): CalibrationReport {
  const options: Required<CalibrationOptions> =
    typeof bins === 'number'
      ? { nBins: bins, strategy: 'uniform' }
      : { nBins: bins.nBins ?? 10, strategy: bins.strategy ?? 'uniform' };
  assertLength(before, labels.length, 'calibrationReport', 'probabilities before calibration');
  assertLength(after, labels.length, 'calibrationReport', 'probabilities after calibration');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return {
    before: summarize(labels, before, options),
    after: summarize(labels, after, options),
    observedRate: positives / labels.length,
    nBins: options.nBins,
    strategy: options.strategy,
  };
}

function summarize(labels: Labels, probabilities: ArrayLike<number>, options: CalibrationOptions): CalibrationSummary {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += probabilities[i];
  return {
    curve: calibrationCurve(labels, probabilities, options),
    brier: brierScoreLoss(labels, probabilities),
    ece: expectedCalibrationError(labels, probabilities, options),
    logLoss: logLoss(labels, probabilities),
    meanPredicted: sum / probabilities.length,
  };
}
