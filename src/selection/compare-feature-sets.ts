import { InputError } from '../core/errors.js';
import type { Classifier } from '../core/estimator.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { averagePrecision } from '../metrics/average-precision.js';
import { rocAuc } from '../metrics/roc-auc.js';
import { type PrepareOptions, prepareDataset } from './prepare-dataset.js';

export interface FeatureSetVariant {
  name: string;
  options: PrepareOptions;
}

export interface FeatureSetResult {
  variant: string;
  features: number;
  'test ROC-AUC': number;
  'test PR-AUC': number;
}

/**
 * Prepares the same data set several ways (e.g. with and without censoring, with a
 * leaking column allowed) on the same split, fits the same model on each training part
 * and scores the hold-out: how much a preparation choice changes the measured quality.
 */
export async function compareFeatureSets(
  dataset: Dataset,
  variants: readonly FeatureSetVariant[],
  makeModel: () => Classifier,
): Promise<FeatureSetResult[]> {
  const results: FeatureSetResult[] = [];
  for (const variant of variants) {
    const prepared = prepareDataset(dataset, variant.options);
    if (!prepared.test) throw new InputError(`variant "${variant.name}" has no test part`);
    const model = await makeModel().fit(prepared.train.matrix, Int32Array.from(prepared.train.labels));
    const scores = model.predictProba(prepared.test.matrix);
    const y = Uint8Array.from(prepared.test.labels);
    results.push({
      variant: variant.name,
      features: prepared.train.matrix.cols,
      'test ROC-AUC': round(rocAuc(y, scores)),
      'test PR-AUC': round(averagePrecision(y, scores)),
    });
  }
  return results;
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
