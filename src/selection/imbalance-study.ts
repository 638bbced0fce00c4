import { datasetLabels } from '../data/datasets/dataset-labels.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { sampleLeadRows } from '../data/datasets/sample-leads.js';
import type { PipelineOptions } from '../features/pipeline-options.js';
import { expectedCalibrationError } from '../metrics/expected-calibration-error.js';
import { type CvResult, crossValidate } from './cross-validate.js';
import { imbalanceStrategy } from './imbalance-strategies.js';
import { buildLeaderboard, type LeaderboardRow } from './leaderboard.js';
import { modelCandidate } from './model-candidates.js';
import { prepareFolds } from './prepare-folds.js';
import { StratifiedKFold } from './stratified-k-fold.js';

export interface ImbalanceStudyOptions {
  models?: string[];
  strategies?: string[];
  folds?: number;
  /** Study a stratified sample of this many leads (default: all). */
  sample?: number;
  seed?: number;
  pipeline?: PipelineOptions;
  onProgress?: (done: number, total: number, detail: string) => void;
}

export interface ImbalanceStudyRow {
  model: string;
  strategy: string;
  leaderboard: LeaderboardRow;
  /** Expected calibration error of the out-of-fold probabilities: resampling inflates them. */
  ece: number;
  /** Mean out-of-fold probability against the observed conversion rate. */
  meanPredicted: number;
  observedRate: number;
}

/**
 * Every model family with every imbalance strategy, cross-validated on the same folds (the
 * pipeline fitted inside each fold, resampling on the training part only): what each
 * strategy does to ranking (ROC-AUC, PR-AUC) and to calibration (log loss, Brier, ECE,
 * mean predicted vs observed rate).
 */
export async function imbalanceStudy(
  dataset: Dataset,
  options: ImbalanceStudyOptions = {},
): Promise<{ rows: ImbalanceStudyRow[]; cv: CvResult[]; leads: number }> {
  const seed = options.seed ?? 0;
  const all = datasetLabels(dataset);
  const rows =
    options.sample && options.sample < all.length ? sampleLeadRows(all, options.sample, seed) : Int32Array.from(all.keys());
  const labels = Int32Array.from(rows, (r) => all[r]);
  const local = new StratifiedKFold({ nSplits: options.folds ?? 3, randomState: seed }).split(labels);
  const splits = local.map((f) => ({
    train: Int32Array.from(f.train, (k) => rows[k]),
    test: Int32Array.from(f.test, (k) => rows[k]),
  }));
  const folds = prepareFolds(dataset, splits, { ...options.pipeline, seed });
  const models = options.models ?? ['lr', 'gbdt'];
  const strategies = options.strategies ?? ['none', 'weights', 'under', 'over', 'smote', 'smotenc'];
  const cv: CvResult[] = [];
  const total = models.length * strategies.length;
  for (const m of models) {
    for (const s of strategies) {
      options.onProgress?.(cv.length, total, `${m} × ${s}`);
      cv.push(await crossValidate(modelCandidate(m, dataset), folds, { strategy: imbalanceStrategy(s), rows: all.length, seed }));
    }
  }
  const board = buildLeaderboard(cv);
  const studyRows = cv.map((r): ImbalanceStudyRow => {
    const tested = [...r.oofLabels.keys()].filter((i) => r.oofLabels[i] >= 0);
    const y = Uint8Array.from(tested, (i) => r.oofLabels[i]);
    const p = Float64Array.from(tested, (i) => r.oof[i]);
    return {
      model: r.model,
      strategy: r.strategy,
      leaderboard: board.find((b) => b.model === r.model && b.strategy === r.strategy)!,
      ece: expectedCalibrationError(y, p, { nBins: 10 }),
      meanPredicted: p.reduce((a, b) => a + b, 0) / p.length,
      observedRate: y.reduce((a, b) => a + b, 0) / y.length,
    };
  });
  return { rows: studyRows, cv, leads: rows.length };
}

/**
 * The study's findings in words, per family: whether any strategy ranks the rare class
 * better than none by more than the fold-to-fold spread, and which one distorts the
 * probabilities most.
 */
export function describeImbalanceStudy(rows: readonly ImbalanceStudyRow[]): string[] {
  const families = [...new Set(rows.map((r) => r.model))];
  return families.map((m) => {
    const mine = rows.filter((r) => r.model === m);
    const none = mine.find((r) => r.strategy === 'none');
    const best = [...mine].sort((a, b) => b.leaderboard.prAuc.mean - a.leaderboard.prAuc.mean)[0];
    const worstCalibrated = [...mine].sort((a, b) => b.ece - a.ece)[0];
    const label = best.leaderboard.modelLabel;
    let ranking: string;
    if (!none || best === none) ranking = 'no strategy ranks the converted leads better than leaving the data as it is';
    else {
      const gain = best.leaderboard.prAuc.mean - none.leaderboard.prAuc.mean;
      const spread = Math.max(best.leaderboard.prAuc.sd, none.leaderboard.prAuc.sd);
      ranking =
        gain > spread
          ? `${best.leaderboard.strategyLabel} ranks the converted leads better than no handling (PR-AUC +${gain.toFixed(4)}, more than the fold-to-fold spread of ${spread.toFixed(4)})`
          : `the best strategy, ${best.leaderboard.strategyLabel}, is within the fold-to-fold spread of no handling (PR-AUC +${gain.toFixed(4)} against a spread of ${spread.toFixed(4)}): no reliable gain`;
    }
    const calibration = `${worstCalibrated.leaderboard.strategyLabel} distorts its probabilities most (mean predicted ${(100 * worstCalibrated.meanPredicted).toFixed(1)}% for an observed ${(100 * worstCalibrated.observedRate).toFixed(2)}%)`;
    return `**${label}:** ${ranking}; ${calibration}.`;
  });
}
