import { SerializationError } from '../../core/errors.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  type SerializedEstimator,
} from '../../core/serialization.js';
import type { CoefficientStatistics, CovarianceKind } from './coefficient-summary.js';
import type { ChosenSolver } from './fit-logistic.js';

/** What a fitted LogisticRegression learned. */
export interface LogisticState {
  nClasses: number;
  nFeatures: number;
  featureNames: string[];
  /** Class-major blocks of nFeatures coefficients followed by the intercept. */
  W: Float64Array;
  /** Resolved class weights used in fit (null when none). */
  classWeight: number[] | null;
  nIter: number;
  converged: boolean;
  gradientNorm: number;
  solver: ChosenSolver;
  convergenceWarning: string | null;
  statistics: CoefficientStatistics | null;
}

interface StatisticsJSON {
  covariance: CovarianceKind;
  standardErrors: EncodedArray;
  rowNotes: (string | null)[];
  notes: string[];
}

export interface LogisticStateJSON extends Omit<LogisticState, 'W' | 'gradientNorm' | 'statistics'> {
  W: EncodedArray;
  gradientNorm: EncodedArray;
  statistics: StatisticsJSON | null;
}

export function toLogisticStateJSON(state: LogisticState): LogisticStateJSON {
  const { statistics } = state;
  return {
    ...state,
    W: encodeArray(state.W),
    gradientNorm: encodeArray(Float64Array.of(state.gradientNorm)),
    statistics: statistics && { ...statistics, standardErrors: encodeArray(statistics.standardErrors) },
  };
}

export function loadLogisticState(json: SerializedEstimator, kind: string, formatVersion: number): LogisticState {
  assertSerialized(json, kind, formatVersion);
  const s = json.state as LogisticStateJSON;
  if (!s || !Number.isInteger(s.nClasses) || !Number.isInteger(s.nFeatures) || !Array.isArray(s.featureNames)) {
    throw new SerializationError(`${kind}: state is missing nClasses, nFeatures or featureNames`);
  }
  const W = decodeArray<Float64Array>(s.W);
  const blocks = s.nClasses === 2 ? 1 : s.nClasses;
  if (W.length !== blocks * (s.nFeatures + 1)) {
    throw new SerializationError(`${kind}: expected ${blocks * (s.nFeatures + 1)} parameters, found ${W.length}`);
  }
  const stats = s.statistics;
  return {
    ...s,
    W,
    gradientNorm: decodeArray<Float64Array>(s.gradientNorm)[0],
    statistics: stats && { ...stats, standardErrors: decodeArray<Float64Array>(stats.standardErrors) },
  };
}
