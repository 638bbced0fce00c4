import { InputError, NotFittedError } from '../core/errors.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  registerKind,
  type SerializedEstimator,
} from '../core/serialization.js';
import { assertFiniteScores } from '../metrics/index.js';

const KIND = 'ScorePercentiles';
const FORMAT_VERSION = 1;

/**
 * How a percentile counts reference scores equal to the new one (SciPy's `percentileofscore`
 * kinds): 'weak' the share at or below it, 'strict' the share below it, 'mean' their average.
 */
export type PercentileKind = 'weak' | 'strict' | 'mean';

export interface ScorePercentilesParams {
  /** Default 'weak': the best-scored reference lead is at the 100th percentile. */
  kind?: PercentileKind;
}

interface PercentileState {
  /** Distinct reference scores, increasing. */
  values: Float64Array;
  /** atOrBelow[i]: reference scores ≤ values[i]. */
  atOrBelow: Float64Array;
}

/**
 * A fitted reference distribution of scores (the training leads') that places a new score:
 * "this lead scores higher than 87% of past leads". Stored as distinct scores with cumulative
 * counts, so 0–100 lead scores serialize in a few hundred bytes and percentiles are exact.
 */
export class ScorePercentiles {
  readonly kind = KIND;
  readonly params: Readonly<Required<ScorePercentilesParams>>;
  private state: PercentileState | null = null;

  constructor(params: ScorePercentilesParams = {}) {
    const kind = params.kind ?? 'weak';
    if (kind !== 'weak' && kind !== 'strict' && kind !== 'mean') {
      throw new InputError(`${KIND}: kind is "${kind}", expected 'weak', 'strict' or 'mean'`);
    }
    this.params = { kind };
  }

  /** Learns the reference distribution; returns this. */
  fit(referenceScores: ArrayLike<number>): this {
    if (referenceScores.length === 0) throw new InputError(`${KIND}.fit: no reference scores; pass the training leads' scores`);
    assertFiniteScores(referenceScores, `${KIND}.fit`);
    const sorted = Float64Array.from(referenceScores).sort();
    const values: number[] = [];
    const atOrBelow: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i === sorted.length - 1 || sorted[i + 1] !== sorted[i]) {
        values.push(sorted[i]);
        atOrBelow.push(i + 1);
      }
    }
    this.state = { values: Float64Array.from(values), atOrBelow: Float64Array.from(atOrBelow) };
    return this;
  }

  /** Percentile (0–100) of one score in the reference distribution. */
  percentile(score: number): number {
    const { values, atOrBelow } = this.fitted();
    assertFiniteScores([score], `${KIND}.percentile`);
    const n = atOrBelow[atOrBelow.length - 1];
    const below = countBelow(values, atOrBelow, score);
    const equal = countAtOrBelow(values, atOrBelow, score) - below;
    const { kind } = this.params;
    const count = kind === 'weak' ? below + equal : kind === 'strict' ? below : below + equal / 2;
    return (100 * count) / n;
  }

  /** Percentile (0–100) of each score. */
  transform(scores: ArrayLike<number>): Float64Array {
    return Float64Array.from(scores, (s) => this.percentile(s));
  }

  /** Reference leads the distribution was fitted on. */
  get count(): number {
    const { atOrBelow } = this.fitted();
    return atOrBelow[atOrBelow.length - 1];
  }

  toJSON(): SerializedEstimator<Required<ScorePercentilesParams>, { values: EncodedArray; atOrBelow: EncodedArray }> {
    const { values, atOrBelow } = this.fitted();
    return {
      kind: KIND,
      formatVersion: FORMAT_VERSION,
      params: { ...this.params },
      state: { values: encodeArray(values), atOrBelow: encodeArray(atOrBelow) },
    };
  }

  static fromJSON(json: SerializedEstimator): ScorePercentiles {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const state = json.state as { values: EncodedArray; atOrBelow: EncodedArray };
    const percentiles = new ScorePercentiles(json.params as ScorePercentilesParams);
    percentiles.state = { values: decodeArray(state.values), atOrBelow: decodeArray(state.atOrBelow) };
    return percentiles;
  }

  private fitted(): PercentileState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }
}

registerKind(KIND, (json) => ScorePercentiles.fromJSON(json));

/** A `ScorePercentiles` fitted on reference (training) scores. */
export function scorePercentiles(referenceScores: ArrayLike<number>, params: ScorePercentilesParams = {}): ScorePercentiles {
  return new ScorePercentiles(params).fit(referenceScores);
}

/** Reference scores ≤ score: the cumulative count at the last distinct value ≤ score. */
function countAtOrBelow(values: Float64Array, atOrBelow: Float64Array, score: number): number {
  const k = firstIndex(values, (v) => v > score);
  return k === 0 ? 0 : atOrBelow[k - 1];
}

/** Reference scores < score. */
function countBelow(values: Float64Array, atOrBelow: Float64Array, score: number): number {
  const k = firstIndex(values, (v) => v >= score);
  return k === 0 ? 0 : atOrBelow[k - 1];
}

/** The first index whose value passes `past` (a predicate false then true along the array), or the length. */
function firstIndex(values: Float64Array, past: (v: number) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(values[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
