import { InputError } from '../core/errors.js';
import { precisionRecallCurve } from '../metrics/precision-recall-curve.js';
import type { CvResult } from './cross-validate.js';

export interface MeanSd {
  mean: number;
  sd: number;
}

/** One model × imbalance strategy, summarized over folds. */
export interface LeaderboardRow {
  model: string;
  modelLabel: string;
  strategy: string;
  strategyLabel: string;
  rocAuc: MeanSd;
  prAuc: MeanSd;
  logLoss: MeanSd;
  brier: MeanSd;
  /** Threshold chosen on the out-of-fold scores (see `LeaderboardOptions.threshold`). */
  threshold: number;
  /** At that threshold, per fold. */
  f1: MeanSd;
  precision: MeanSd;
  recall: MeanSd;
  /** Share of leads the model would send to sales at that threshold. */
  predictedPositiveRate: MeanSd;
  fitSeconds: MeanSd;
  folds: number;
}

export type LeaderboardMetric = 'rocAuc' | 'prAuc' | 'logLoss' | 'brier' | 'f1' | 'precision' | 'recall' | 'fitSeconds';

const LOWER_IS_BETTER = new Set<LeaderboardMetric>(['logLoss', 'brier', 'fitSeconds']);

export interface LeaderboardOptions {
  /** Picks the decision threshold from out-of-fold labels and scores (default: the one that maximizes F1). */
  threshold?: (labels: Uint8Array, scores: Float64Array) => number;
}

/** The threshold with the highest F1 on the precision-recall curve (ties: the higher threshold). */
export function maxF1Threshold(labels: Uint8Array, scores: Float64Array): number {
  const curve = precisionRecallCurve(labels, scores);
  let best = -1;
  let at = curve.thresholds.length - 1;
  for (let k = 0; k < curve.thresholds.length; k++) {
    const p = curve.precision[k];
    const r = curve.recall[k];
    const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    if (f1 > best || (f1 === best && curve.thresholds[k] > curve.thresholds[at])) {
      best = f1;
      at = k;
    }
  }
  return curve.thresholds[at];
}

/** Summarizes cross-validation results into leaderboard rows, sorted by ROC-AUC (best first). */
export function buildLeaderboard(results: readonly CvResult[], options: LeaderboardOptions = {}): LeaderboardRow[] {
  const pick = options.threshold ?? maxF1Threshold;
  const rows = results.map((r): LeaderboardRow => {
    const tested = [...r.oofLabels.keys()].filter((i) => r.oofLabels[i] >= 0);
    const labels = Uint8Array.from(tested, (i) => r.oofLabels[i]);
    const scores = Float64Array.from(tested, (i) => r.oof[i]);
    const threshold = pick(labels, scores);
    const perFold = thresholdMetricsPerFold(r, threshold);
    return {
      model: r.model,
      modelLabel: r.modelLabel,
      strategy: r.strategy,
      strategyLabel: r.strategyLabel,
      rocAuc: meanSd(r.folds.map((f) => f.rocAuc)),
      prAuc: meanSd(r.folds.map((f) => f.prAuc)),
      logLoss: meanSd(r.folds.map((f) => f.logLoss)),
      brier: meanSd(r.folds.map((f) => f.brier)),
      threshold,
      f1: meanSd(perFold.map((m) => m.f1)),
      precision: meanSd(perFold.map((m) => m.precision)),
      recall: meanSd(perFold.map((m) => m.recall)),
      predictedPositiveRate: meanSd(perFold.map((m) => m.rate)),
      fitSeconds: meanSd(r.folds.map((f) => f.fitSeconds)),
      folds: r.folds.length,
    };
  });
  return sortLeaderboard(rows, 'rocAuc');
}

/** Rows sorted by a metric, best first (lower is better for log loss, Brier and fit time). */
export function sortLeaderboard(rows: readonly LeaderboardRow[], metric: LeaderboardMetric): LeaderboardRow[] {
  const sign = LOWER_IS_BETTER.has(metric) ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * (a[metric].mean - b[metric].mean) || a.model.localeCompare(b.model) || a.strategy.localeCompare(b.strategy),
  );
}

/** F1, precision, recall and predicted-positive rate of each fold's test rows at one threshold. */
function thresholdMetricsPerFold(
  r: CvResult,
  threshold: number,
): { f1: number; precision: number; recall: number; rate: number }[] {
  const out: { f1: number; precision: number; recall: number; rate: number }[] = [];
  r.foldRows.forEach((rows, f) => {
    const p = r.foldPredictions[f];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < rows.length; k++) {
      const positive = p[k] >= threshold;
      const y = r.oofLabels[rows[k]] === 1;
      if (positive && y) tp++;
      else if (positive) fp++;
      else if (y) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    out.push({
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      precision,
      recall,
      rate: (tp + fp) / rows.length,
    });
  });
  return out;
}

export interface ChampionRule {
  metric: LeaderboardMetric;
  /** Among rows within one standard error of the best, prefer the earliest model in this order (interpretability first). */
  preference: string[];
}

/** Highest mean ROC-AUC, then the one-standard-error rule in favour of the simpler, more explainable model. */
export const DEFAULT_CHAMPION_RULE: ChampionRule = { metric: 'rocAuc', preference: ['lr', 'gbdt', 'rf', 'nn', 'rules'] };

/**
 * Picks the champion by a stated rule: the best row on the metric; every row whose mean is
 * within one standard error (sd / √folds) of the best is "as good"; among those, the model
 * earliest in `preference` wins (then the better metric). Returns the row and the reason in words.
 */
export function chooseChampion(
  rows: readonly LeaderboardRow[],
  rule: ChampionRule = DEFAULT_CHAMPION_RULE,
): { champion: LeaderboardRow; reason: string } {
  if (rows.length === 0) throw new InputError('the leaderboard is empty: nothing to choose from');
  const sorted = sortLeaderboard(rows, rule.metric);
  const best = sorted[0];
  const se = best[rule.metric].sd / Math.sqrt(Math.max(1, best.folds));
  const lower = LOWER_IS_BETTER.has(rule.metric);
  const asGood = sorted.filter((r) =>
    lower ? r[rule.metric].mean <= best[rule.metric].mean + se : r[rule.metric].mean >= best[rule.metric].mean - se,
  );
  const rank = (r: LeaderboardRow): number => {
    const k = rule.preference.indexOf(r.model);
    return k < 0 ? rule.preference.length : k;
  };
  const champion = [...asGood].sort((a, b) => rank(a) - rank(b))[0];
  const fmt = (r: LeaderboardRow) => `${r.modelLabel} (${r.strategyLabel}) ${r[rule.metric].mean.toFixed(4)}`;
  const reason =
    champion === best
      ? `${fmt(best)} has the best mean ${rule.metric}${asGood.length > 1 ? `; ${asGood.length - 1} other row(s) are within one standard error (${se.toFixed(4)}) but none is simpler` : ''}.`
      : `${fmt(best)} has the best mean ${rule.metric}, but ${fmt(champion)} is within one standard error (${se.toFixed(4)}) and simpler to explain, so it is the champion.`;
  return { champion, reason };
}

function meanSd(values: readonly number[]): MeanSd {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd };
}
