import { InputError } from '../core/errors.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  registerKind,
  type SerializedEstimator,
} from '../core/serialization.js';
import { assertFiniteScores } from '../metrics/index.js';

const KIND = 'GradeCutoffs';
const FORMAT_VERSION = 1;

/** A = top 5% of leads, B = next 15%, C = next 30%, D = the rest. */
export const DEFAULT_GRADE_SHARES: readonly number[] = [0.05, 0.15, 0.3];

/** Cut-offs at fixed score thresholds: grade g for score ≥ thresholds[g]; the last grade takes the rest. */
export interface ScoreCutoffSpec {
  /** Decreasing thresholds, one fewer than the grades (e.g. lead scores [80, 60, 30] for A, B, C; D below 30). */
  thresholds: readonly number[];
  /** Grade names, best first. Default 'A', 'B', 'C', … */
  grades?: readonly string[];
}

/** Cut-offs at quantiles of reference scores: grade g holds about shares[g] of the leads, the last grade the rest. */
export interface QuantileCutoffSpec {
  /** Scores the shares are taken of (the training leads', or the leads being graded). */
  scores: ArrayLike<number>;
  /** Share of leads per grade, best first, one fewer than the grades; they sum to at most 1. Default DEFAULT_GRADE_SHARES. */
  shares?: readonly number[];
  grades?: readonly string[];
}

interface CutoffParams {
  grades: string[];
  method: 'score' | 'quantile';
  /** The target shares, for quantile cut-offs. */
  shares?: number[];
}

/**
 * Grades A–D from a score: grade g for the first g with score ≥ thresholds[g], else the last
 * grade. Thresholds are non-increasing (two equal thresholds leave the grade between them
 * empty). Serializable, so the cut-offs learned on training leads grade new leads identically.
 */
export class GradeCutoffs {
  readonly kind = KIND;
  readonly grades: readonly string[];
  readonly method: 'score' | 'quantile';
  readonly shares?: readonly number[];
  private readonly cuts: Float64Array;

  constructor(params: CutoffParams, thresholds: ArrayLike<number>) {
    assertGrades(params.grades, thresholds.length);
    for (let g = 1; g < thresholds.length; g++) {
      if (!(thresholds[g] <= thresholds[g - 1])) {
        throw new InputError(
          `${KIND}: thresholds must decrease from the best grade down; got ${Array.from(thresholds).join(', ')}`,
        );
      }
    }
    this.grades = [...params.grades];
    this.method = params.method;
    if (params.shares) this.shares = [...params.shares];
    this.cuts = Float64Array.from(thresholds);
  }

  /** Lowest score of each grade but the last, best grade first. */
  get thresholds(): Float64Array {
    return this.cuts.slice();
  }

  /** Index (0 = best) of the grade of one score. */
  gradeIndex(score: number): number {
    let g = 0;
    while (g < this.cuts.length && !(score >= this.cuts[g])) g++;
    return g;
  }

  /** Grade name of one score. */
  gradeOf(score: number): string {
    return this.grades[this.gradeIndex(score)];
  }

  /** Grade index (0 = best) of each score. */
  assign(scores: ArrayLike<number>): Int32Array {
    assertFiniteScores(scores, `${KIND}.assign`);
    return Int32Array.from({ length: scores.length }, (_, i) => this.gradeIndex(scores[i]));
  }

  toJSON(): SerializedEstimator<CutoffParams, { thresholds: EncodedArray }> {
    const params: CutoffParams = { grades: [...this.grades], method: this.method };
    if (this.shares) params.shares = [...this.shares];
    return { kind: KIND, formatVersion: FORMAT_VERSION, params, state: { thresholds: encodeArray(this.cuts) } };
  }

  static fromJSON(json: SerializedEstimator): GradeCutoffs {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const state = json.state as { thresholds: EncodedArray };
    return new GradeCutoffs(json.params as CutoffParams, decodeArray(state.thresholds));
  }
}

registerKind(KIND, (json) => GradeCutoffs.fromJSON(json));

/**
 * Grade cut-offs from fixed score thresholds (`{ thresholds }`) or from shares of leads
 * (`{ scores, shares }`). With shares, each cut falls on a boundary between distinct scores
 * — tied leads always share a grade — at the boundary nearest the target cumulative share
 * (the smaller grade when two are equally near); the threshold is the lowest score kept above
 * the cut, or +Infinity when the cut keeps no lead.
 */
export function gradeCutoffs(spec: ScoreCutoffSpec | QuantileCutoffSpec): GradeCutoffs {
  if ('thresholds' in spec) {
    assertFiniteScores(spec.thresholds, 'gradeCutoffs', 'threshold');
    const grades = spec.grades ?? defaultGrades(spec.thresholds.length + 1);
    return new GradeCutoffs({ grades: [...grades], method: 'score' }, spec.thresholds);
  }
  const shares = spec.shares ?? DEFAULT_GRADE_SHARES;
  assertShares(shares);
  const grades = spec.grades ?? defaultGrades(shares.length + 1);
  if (spec.scores.length === 0) throw new InputError('gradeCutoffs: no scores to take the shares of');
  assertFiniteScores(spec.scores, 'gradeCutoffs');
  const thresholds = quantileThresholds(spec.scores, shares);
  return new GradeCutoffs({ grades: [...grades], method: 'quantile', shares: [...shares] }, thresholds);
}

/** 'A', 'B', 'C', … */
export function defaultGrades(count: number): string[] {
  return Array.from({ length: count }, (_, g) => String.fromCharCode(65 + g));
}

function quantileThresholds(scores: ArrayLike<number>, shares: readonly number[]): Float64Array {
  const sorted = Float64Array.from(scores).sort().reverse();
  const n = sorted.length;
  // Boundaries between runs of equal scores: how many leads score ≥ each distinct score.
  const boundaries = [0];
  for (let k = 1; k <= n; k++) if (k === n || sorted[k] !== sorted[k - 1]) boundaries.push(k);
  const thresholds = new Float64Array(shares.length);
  let cumulative = 0;
  for (let g = 0; g < shares.length; g++) {
    cumulative += shares[g];
    const target = cumulative * n;
    let best = 0;
    for (const b of boundaries) if (Math.abs(b - target) < Math.abs(best - target) - 1e-9) best = b;
    thresholds[g] = best === 0 ? Number.POSITIVE_INFINITY : sorted[best - 1];
  }
  return thresholds;
}

function assertShares(shares: readonly number[]): void {
  let total = 0;
  for (const [g, share] of shares.entries()) {
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
      throw new InputError(
        `gradeCutoffs: shares[${g}] is ${share}; each share is a fraction of leads between 0 and 1 (0.05 for 5%)`,
      );
    }
    total += share;
  }
  if (total > 1 + 1e-9) {
    throw new InputError(`gradeCutoffs: shares add up to ${total}; they must total at most 1 (the last grade takes the rest)`);
  }
}

function assertGrades(grades: readonly string[], thresholds: number): void {
  if (!Array.isArray(grades) || grades.length !== thresholds + 1) {
    throw new InputError(
      `${KIND}: ${grades?.length} grade names for ${thresholds} thresholds; give one more name than thresholds`,
    );
  }
  if (new Set(grades).size !== grades.length) throw new InputError(`${KIND}: grade names repeat: ${grades.join(', ')}`);
}
