import { NotFittedError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  registerKind,
  type SerializedEstimator,
} from '../core/serialization.js';
import { assertFiniteScores } from '../metrics/index.js';
import { assertCalibrationInputs } from './assert-calibration-inputs.js';
import { poolAdjacentViolators } from './pool-adjacent-violators.js';

const KIND = 'IsotonicCalibrator';
const FORMAT_VERSION = 1;

/** Scores closer than this are one point, as in scikit-learn (float64 resolution). */
const SAME_SCORE = 1e-15;

interface IsotonicState {
  /** Breakpoint scores, increasing; the first and last are the fitted range. */
  x: Float64Array;
  /** Calibrated probability at each breakpoint, non-decreasing. */
  y: Float64Array;
}

/**
 * Isotonic calibration: the non-decreasing step function of the score closest (weighted least
 * squares) to the 0/1 labels, by pool-adjacent-violators, read by linear interpolation between
 * breakpoints and clipped outside the fitted range. It matches scikit-learn's
 * `IsotonicRegression(out_of_bounds='clip')`. It needs more data than Platt scaling (a few
 * hundred conversions) and should be fitted on out-of-fold predictions.
 */
export class IsotonicCalibrator {
  readonly kind = KIND;
  readonly params: Readonly<Record<string, never>> = {};
  private state: IsotonicState | null = null;

  /** Fits on scores and 0/1 labels; rows with zero weight are ignored. Returns this. */
  fit(scores: ArrayLike<number>, labels: Labels, sampleWeight?: SampleWeight): this {
    assertCalibrationInputs(scores, labels, sampleWeight, KIND, false);
    const rows: number[] = [];
    for (let i = 0; i < scores.length; i++) if (!sampleWeight || sampleWeight[i] > 0) rows.push(i);
    rows.sort((a, b) => scores[a] - scores[b] || labels[a] - labels[b]);
    const points = mergeEqualScores(rows, scores, labels, sampleWeight);
    const fitted = poolAdjacentViolators(points.y, points.w);
    this.state = dropInnerFlatPoints(points.x, fitted);
    return this;
  }

  /** Calibrated P(converted) per score: interpolated between breakpoints, clipped to the fitted range. */
  transform(scores: ArrayLike<number>): Float64Array {
    const { x, y } = this.fitted();
    assertFiniteScores(scores, `${KIND}.transform`);
    const out = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) out[i] = interpolate(x, y, Math.min(x[x.length - 1], Math.max(x[0], scores[i])));
    return out;
  }

  /** Breakpoint scores (increasing) and their calibrated probabilities: scikit-learn's X_thresholds_ and y_thresholds_. */
  get thresholds(): { x: Float64Array; y: Float64Array } {
    const { x, y } = this.fitted();
    return { x: x.slice(), y: y.slice() };
  }

  toJSON(): SerializedEstimator<Record<string, never>, { x: EncodedArray; y: EncodedArray }> {
    const { x, y } = this.fitted();
    return { kind: KIND, formatVersion: FORMAT_VERSION, params: {}, state: { x: encodeArray(x), y: encodeArray(y) } };
  }

  static fromJSON(json: SerializedEstimator): IsotonicCalibrator {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const state = json.state as { x: EncodedArray; y: EncodedArray };
    const calibrator = new IsotonicCalibrator();
    calibrator.state = { x: decodeArray(state.x), y: decodeArray(state.y) };
    return calibrator;
  }

  private fitted(): IsotonicState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }
}

registerKind(KIND, (json) => IsotonicCalibrator.fromJSON(json));

/** One point per distinct score (rows sorted by score): weighted mean label and summed weight. */
function mergeEqualScores(
  rows: readonly number[],
  scores: ArrayLike<number>,
  labels: Labels,
  sampleWeight: SampleWeight | undefined,
): { x: Float64Array; y: Float64Array; w: Float64Array } {
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  let sumWy = 0;
  let sumW = 0;
  for (const r of rows) {
    if (x.length === 0 || scores[r] - x[x.length - 1] >= SAME_SCORE) {
      if (x.length > 0) {
        y.push(sumWy / sumW);
        w.push(sumW);
      }
      x.push(scores[r]);
      sumWy = 0;
      sumW = 0;
    }
    const weight = sampleWeight ? sampleWeight[r] : 1;
    sumWy += labels[r] * weight;
    sumW += weight;
  }
  y.push(sumWy / sumW);
  w.push(sumW);
  return { x: Float64Array.from(x), y: Float64Array.from(y), w: Float64Array.from(w) };
}

/** Keeps the first and last points and every point whose value differs from a neighbour's: the interpolant is unchanged. */
function dropInnerFlatPoints(x: Float64Array, y: Float64Array): IsotonicState {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (i === 0 || i === x.length - 1 || y[i] !== y[i - 1] || y[i] !== y[i + 1]) keep.push(i);
  }
  return { x: Float64Array.from(keep, (i) => x[i]), y: Float64Array.from(keep, (i) => y[i]) };
}

/** Linear interpolation at a score inside [x₀, x_last], with SciPy's interp1d arithmetic. */
function interpolate(x: Float64Array, y: Float64Array, score: number): number {
  if (x.length === 1) return y[0];
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] < score) lo = mid + 1;
    else hi = mid;
  }
  const right = Math.min(Math.max(lo, 1), x.length - 1);
  const left = right - 1;
  const slope = (y[right] - y[left]) / (x[right] - x[left]);
  return slope * (score - x[left]) + y[left];
}
