import type { Classifier } from '../core/estimator.js';
import type { Matrix } from '../core/matrix.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { Standardizer } from '../features/standardize.js';
import { averagePrecision } from '../metrics/average-precision.js';
import { brierScoreLoss } from '../metrics/brier-score.js';
import { logLoss } from '../metrics/log-loss.js';
import { rocAuc } from '../metrics/roc-auc.js';
import type { ModelCandidate } from './cross-validate.js';
import { prepareDataset } from './prepare-dataset.js';

export interface HoldoutMetrics {
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
}

/** Ranking and probability quality of a fitted binary model on held-out rows. */
export function holdoutMetrics(
  model: Classifier,
  X: Matrix,
  labels: ArrayLike<number>,
): HoldoutMetrics & { scores: Float64Array } {
  const scores = model.predictProba(X);
  const y = Uint8Array.from(labels);
  return {
    rocAuc: rocAuc(y, scores),
    prAuc: averagePrecision(y, scores),
    logLoss: logLoss(y, scores),
    brier: brierScoreLoss(y, scores),
    scores,
  };
}

export interface HoldoutRow {
  model: string;
  'ROC-AUC': number;
  'PR-AUC': number;
  'log loss': number;
  'fit s': number;
}

/**
 * A quick side-by-side of model families on one stratified hold-out of a data set (the
 * pipeline fitted on the training part): for a first look; `compare` cross-validates.
 */
export async function holdoutComparison(
  dataset: Dataset,
  candidates: readonly ModelCandidate[],
  options: { testSize?: number; seed?: number } = {},
): Promise<HoldoutRow[]> {
  const seed = options.seed ?? 0;
  const prepared = prepareDataset(dataset, { split: { testSize: options.testSize ?? 0.2 }, seed });
  const rows: HoldoutRow[] = [];
  for (const c of candidates) {
    let trainX = c.inputFor ? c.inputFor(prepared.trainRows) : prepared.train.matrix;
    let testX = c.inputFor ? c.inputFor(prepared.testRows) : prepared.test!.matrix;
    if (c.standardize) {
      const s = new Standardizer().fit(trainX);
      trainX = s.transform(trainX);
      testX = s.transform(testX);
    }
    const started = performance.now();
    const model = await c.make(seed).fit(trainX, Int32Array.from(prepared.train.labels));
    const fitSeconds = (performance.now() - started) / 1000;
    const m = holdoutMetrics(model, testX, prepared.test!.labels);
    rows.push({
      model: c.label,
      'ROC-AUC': round(m.rocAuc),
      'PR-AUC': round(m.prAuc),
      'log loss': round(m.logLoss),
      'fit s': round(fitSeconds, 2),
    });
  }
  return rows;
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
