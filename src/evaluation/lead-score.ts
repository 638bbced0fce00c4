import { InputError } from '../core/errors.js';

/**
 * The 0–100 lead score a sales team sees: round(100 · p) of a calibrated probability, so a
 * score of 30 means about 30 in 100 such leads convert. Halves round up on the decimal value
 * (0.285 → 29), not on its binary approximation.
 */
export function leadScore(calibratedProbability: number): number {
  assertProbability(calibratedProbability, 'leadScore', 'the calibrated probability');
  return Math.round(calibratedProbability * 100 + 1e-9);
}

/** `leadScore` of each calibrated probability. */
export function leadScores(calibratedProbabilities: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(calibratedProbabilities.length);
  for (let i = 0; i < out.length; i++) {
    assertProbability(calibratedProbabilities[i], 'leadScores', `the probability at row ${i}`);
    out[i] = Math.round(calibratedProbabilities[i] * 100 + 1e-9);
  }
  return out;
}

function assertProbability(p: number, who: string, what: string): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InputError(`${who}: ${what} is ${p}; it must lie in [0, 1] (calibrate the model's scores first)`);
  }
}
