import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses, binaryClfCurve, fBetaFromCounts } from '../metrics/index.js';

/** What working every lead with score ≥ threshold gives on the evaluated leads. */
export interface ThresholdPoint {
  /** A score value; a lead is worked (predicted positive) when its score ≥ threshold. */
  threshold: number;
  /** Leads with score ≥ threshold (true + false positives). */
  leadsWorked: number;
  /** Converted leads among them (true positives): the conversions a batch like this one yields. */
  conversionsCaptured: number;
  /** Leads worked that did not convert (false positives). */
  wastedCalls: number;
  /** conversionsCaptured / leadsWorked. */
  precision: number;
  /** conversionsCaptured / all conversions. */
  recall: number;
  f1: number;
  /** F-beta with the table's beta. */
  fBeta: number;
  /** leadsWorked / all leads. */
  predictedPositiveRate: number;
  /** threshold / base rate: a calibrated threshold of 0.08 at a 1% base rate is 8×. */
  baseRateMultiple: number;
}

/** Every candidate threshold of a score, highest first, with the totals it was computed from. */
export interface ThresholdTable {
  /** One point per distinct score, by decreasing threshold (increasing leads worked). */
  points: ThresholdPoint[];
  totalLeads: number;
  totalConversions: number;
  /** totalConversions / totalLeads. */
  baseRate: number;
  beta: number;
}

/**
 * The confusion counts at every distinct score: the candidate thresholds of `tuneThreshold`.
 * A threshold between two scores works the same leads as the higher score, so the distinct
 * scores are the only thresholds that differ; tied leads are always worked together.
 */
export function thresholdTable(labels: Labels, scores: ArrayLike<number>, beta = 1, who = 'thresholdTable'): ThresholdTable {
  assertBinaryScores(labels, scores, who);
  const { tps, fps, thresholds } = binaryClfCurve(labels, scores);
  const m = thresholds.length;
  const totalLeads = labels.length;
  const totalConversions = tps[m - 1];
  assertBothClasses(totalConversions, totalLeads - totalConversions, who, 'a threshold');
  const baseRate = totalConversions / totalLeads;
  const points: ThresholdPoint[] = [];
  for (let k = 0; k < m; k++) {
    const tp = tps[k];
    const fp = fps[k];
    const fn = totalConversions - tp;
    points.push({
      threshold: thresholds[k],
      leadsWorked: tp + fp,
      conversionsCaptured: tp,
      wastedCalls: fp,
      precision: tp / (tp + fp),
      recall: tp / totalConversions,
      f1: fBetaFromCounts(tp, fp, fn, 1),
      fBeta: fBetaFromCounts(tp, fp, fn, beta),
      predictedPositiveRate: (tp + fp) / totalLeads,
      baseRateMultiple: thresholds[k] / baseRate,
    });
  }
  return { points, totalLeads, totalConversions, baseRate, beta };
}
