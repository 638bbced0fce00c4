import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from '../metrics/index.js';

/**
 * The checks of a calibrator's `fit(scores, labels, sampleWeight)`: matching lengths, 0/1
 * labels, finite scores (in [0, 1] when `probabilities`), valid weights, and both classes
 * carrying weight.
 */
export function assertCalibrationInputs(
  scores: ArrayLike<number>,
  labels: Labels,
  sampleWeight: SampleWeight | undefined,
  who: string,
  probabilities: boolean,
): void {
  assertBinaryScores(labels, scores, `${who}.fit`, sampleWeight);
  if (probabilities) assertUnitInterval(scores, `${who}.fit`);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = sampleWeight ? sampleWeight[i] : 1;
    if (labels[i] === 1) positives += w;
    else negatives += w;
  }
  assertBothClasses(positives, negatives, `${who}.fit`, 'calibration');
}

/** Throws unless every score is a probability in [0, 1], pointing to the 'raw' input otherwise. */
export function assertUnitInterval(scores: ArrayLike<number>, who: string): void {
  for (let i = 0; i < scores.length; i++) {
    if (!(scores[i] >= 0 && scores[i] <= 1)) {
      throw new InputError(
        `${who}: score at row ${i} is ${scores[i]}, outside [0, 1]; for scores that are not probabilities use input: 'raw'`,
      );
    }
  }
}
