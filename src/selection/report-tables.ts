import type { GradeComparison } from '../evaluation/compare-grades.js';
import { averagePrecision } from '../metrics/average-precision.js';
import { type PrecisionRecallCurve, precisionRecallCurve } from '../metrics/precision-recall-curve.js';
import { rocAuc } from '../metrics/roc-auc.js';
import { type RocCurve, rocCurve } from '../metrics/roc-curve.js';
import type { CvResult } from './cross-validate.js';
import type { LeaderboardRow } from './leaderboard.js';

type Row = Record<string, string | number>;

const ms = (v: { mean: number; sd: number }, d = 4) => `${v.mean.toFixed(d)} ± ${v.sd.toFixed(d)}`;

/** The leaderboard as a readable table (mean ± sd over folds), in its order. */
export function leaderboardTable(rows: readonly LeaderboardRow[]): Row[] {
  return rows.map((r, k) => ({
    rank: k + 1,
    model: r.modelLabel,
    imbalance: r.strategyLabel,
    'ROC-AUC': ms(r.rocAuc),
    'PR-AUC': ms(r.prAuc),
    'log loss': ms(r.logLoss),
    Brier: ms(r.brier, 5),
    threshold: Number(r.threshold.toPrecision(3)),
    F1: ms(r.f1, 3),
    precision: ms(r.precision, 3),
    recall: ms(r.recall, 3),
    'sent to sales %': (100 * r.predictedPositiveRate.mean).toFixed(1),
    'fit s': r.fitSeconds.mean.toFixed(2),
  }));
}

/** Each model family's best row (by the leaderboard's order), e.g. to draw one curve per family. */
export function bestPerModel(rows: readonly LeaderboardRow[]): LeaderboardRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.model)) return false;
    seen.add(r.model);
    return true;
  });
}

/** Out-of-fold labels and scores of one cross-validation result (rows never tested left out). */
export function oofScores(result: CvResult): { labels: Uint8Array; scores: Float64Array } {
  const tested = [...result.oofLabels.keys()].filter((i) => result.oofLabels[i] >= 0);
  return { labels: Uint8Array.from(tested, (i) => result.oofLabels[i]), scores: Float64Array.from(tested, (i) => result.oof[i]) };
}

/** ROC and precision-recall curves of each row's out-of-fold scores. */
export function oofCurves(
  rows: readonly LeaderboardRow[],
  cv: readonly CvResult[],
): { name: string; roc: RocCurve; pr: PrecisionRecallCurve; auc: number; ap: number }[] {
  return rows.map((row) => {
    const result = cv.find((r) => r.model === row.model && r.strategy === row.strategy)!;
    const { labels, scores } = oofScores(result);
    return {
      name: `${row.modelLabel} (${row.strategyLabel})`,
      roc: rocCurve(labels, scores, { dropIntermediate: true }),
      pr: precisionRecallCurve(labels, scores),
      auc: rocAuc(labels, scores),
      ap: averagePrecision(labels, scores),
    };
  });
}

/**
 * The confusion matrix of each row at its tuned threshold, over all out-of-fold scores —
 * the study's table: leads correctly sent, wrongly sent, missed, correctly held back, and
 * the share sent to sales.
 */
export function confusionTable(rows: readonly LeaderboardRow[], cv: readonly CvResult[]): Row[] {
  return rows.map((row) => {
    const { labels, scores } = oofScores(cv.find((r) => r.model === row.model && r.strategy === row.strategy)!);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let i = 0; i < labels.length; i++) {
      const sent = scores[i] >= row.threshold;
      if (sent && labels[i]) tp++;
      else if (sent) fp++;
      else if (labels[i]) fn++;
      else tn++;
    }
    return {
      model: `${row.modelLabel} (${row.strategyLabel})`,
      'converted, sent (TP)': tp,
      'not converted, sent (FP)': fp,
      'converted, held back (FN)': fn,
      'not converted, held back (TN)': tn,
      'predicted accepted %': ((100 * (tp + fp)) / labels.length).toFixed(2),
      'precision %': tp + fp ? ((100 * tp) / (tp + fp)).toFixed(1) : '—',
      'recall %': tp + fn ? ((100 * tp) / (tp + fn)).toFixed(1) : '—',
    };
  });
}

/**
 * The model's grades next to the rule-based score's, one row per grade: leads, conversions,
 * conversion rate and the cumulative share of conversions captured down to that grade.
 */
export function gradeComparisonTable(comparison: GradeComparison): Row[] {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  return comparison.rows.map((r) => ({
    grade: r.grade,
    'model: leads': r.model.leads,
    'model: conversions': r.model.conversions,
    'model: rate': pct(r.model.conversionRate),
    'model: conversions captured to here': pct(r.model.cumulativeShareOfConversions),
    'rules: leads': r.rules.leads,
    'rules: conversions': r.rules.conversions,
    'rules: rate': pct(r.rules.conversionRate),
    'rules: conversions captured to here': pct(r.rules.cumulativeShareOfConversions),
    'model − rules conversions': r.extraConversions,
  }));
}
