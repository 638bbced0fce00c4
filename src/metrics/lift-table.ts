import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';
import { cumulativePositives } from './cumulative-positives.js';

export interface LiftTableOptions {
  /** Number of equal-size buckets, highest scores first. Default 10 (deciles). */
  nBuckets?: number;
}

/** One row of a lift / cumulative-gains table. */
export interface LiftBucket {
  /** 1 = the highest-scored bucket. */
  bucket: number;
  /** Rows in the bucket. */
  leads: number;
  /** Positives in the bucket (fractional when a run of tied scores straddles a bucket edge). */
  positives: number;
  /** Conversion rate in the bucket: positives / leads. */
  rate: number;
  /** rate / overall rate: how many times better than picking leads at random. */
  lift: number;
  minScore: number;
  maxScore: number;
  cumulativeLeads: number;
  cumulativePositives: number;
  /** Share of all leads in this and higher buckets (the gains chart's x axis). */
  cumulativeLeadShare: number;
  /** Share of all positives captured by this and higher buckets (the cumulative gain). */
  cumulativeGain: number;
  cumulativeRate: number;
  cumulativeLift: number;
}

export interface LiftTable {
  buckets: LiftBucket[];
  totalLeads: number;
  totalPositives: number;
  /** Overall conversion rate: totalPositives / totalLeads. */
  baseRate: number;
}

/**
 * Lift and cumulative gains by quantile of the score. Rows are ranked by decreasing score
 * and cut into `nBuckets` buckets of ⌊n/q⌋ or ⌈n/q⌉ rows (bucket b holds ranks
 * ⌊b·n/q⌋ … ⌊(b+1)·n/q⌋ − 1). Ties are shared out evenly (see `cumulativePositives`), so the
 * table does not depend on row order and the last row's cumulative gain is exactly 1.
 */
export function liftTable(labels: Labels, scores: ArrayLike<number>, options: LiftTableOptions = {}): LiftTable {
  const who = 'liftTable';
  const { nBuckets = 10 } = options;
  assertBinaryScores(labels, scores, who);
  const n = labels.length;
  if (!Number.isInteger(nBuckets) || nBuckets < 1 || nBuckets > n) {
    throw new InputError(`${who}: nBuckets is ${nBuckets}; it must be a whole number from 1 to the number of rows (${n})`);
  }
  const { captured, sortedScores } = cumulativePositives(labels, scores);
  const totalPositives = captured[n];
  assertBothClasses(totalPositives, n - totalPositives, who, 'lift');
  const baseRate = totalPositives / n;
  const buckets: LiftBucket[] = [];
  for (let b = 0; b < nBuckets; b++) {
    const start = Math.floor((b * n) / nBuckets);
    const end = Math.floor(((b + 1) * n) / nBuckets);
    const leads = end - start;
    const positives = captured[end] - captured[start];
    const rate = positives / leads;
    const cumulativeRate = captured[end] / end;
    buckets.push({
      bucket: b + 1,
      leads,
      positives,
      rate,
      lift: rate / baseRate,
      minScore: sortedScores[end - 1],
      maxScore: sortedScores[start],
      cumulativeLeads: end,
      cumulativePositives: captured[end],
      cumulativeLeadShare: end / n,
      cumulativeGain: captured[end] / totalPositives,
      cumulativeRate,
      cumulativeLift: cumulativeRate / baseRate,
    });
  }
  return { buckets, totalLeads: n, totalPositives, baseRate };
}
