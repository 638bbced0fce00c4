import { columnValues } from '../data/column-values.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { FeaturePipeline } from '../features/pipeline.js';
import type { PipelineOptions } from '../features/pipeline-options.js';
import type { PreparedPart } from '../features/prepared-data.js';
import { holdoutSplit } from './holdout-split.js';
import type { Fold } from './stratified-k-fold.js';

/** How the leads are split before the pipeline is fitted. */
export type SplitChoice = { testSize: number } | { date: string } | { none: true };

export interface PrepareOptions extends PipelineOptions {
  /** Default: 20% stratified hold-out. */
  split?: SplitChoice;
}

export interface PreparedDataset {
  pipeline: FeaturePipeline;
  train: PreparedPart;
  /** Null when there is no test part (split { none: true }). */
  test: PreparedPart | null;
  split: Record<string, unknown>;
  /** Data-set rows of each part. */
  trainRows: Int32Array;
  testRows: Int32Array;
  /** Events left out by censoring in the training part. */
  censoredEvents: number;
}

/**
 * The data-preparation protocol: split the leads (stratified hold-out or by creation date),
 * fit the feature pipeline on the training part only, and transform both parts with it.
 * The training matrix carries out-of-fold target encodings.
 */
export function prepareDataset(dataset: Dataset, options: PrepareOptions = {}): PreparedDataset {
  const labels = datasetLabels(dataset);
  const choice = options.split ?? { testSize: 0.2 };
  const seed = options.seed ?? 0;
  const { dev, test: held, split: described } = holdoutSplit(dataset, labels, choice, seed);
  const fold: Fold = { train: dev, test: held };
  let split: Record<string, unknown> = described;
  const trainLeads = dataset.leads.reify(Array.from(fold.train));
  const { pipeline, train } = FeaturePipeline.fitTransform(
    { leads: trainLeads, events: dataset.events, config: dataset.config },
    options,
  );
  const ids = dataset.config.id ? Array.from(columnValues(dataset.leads, dataset.config.id), (v) => String(v ?? '')) : null;
  const part = (rows: Int32Array, matrix: PreparedPart['matrix']): PreparedPart => ({
    matrix,
    labels: Int8Array.from(rows, (r) => labels[r]),
    ids: ids ? Array.from(rows, (r) => ids[r]) : Array.from(rows, (r) => String(r + 1)),
  });
  let test: PreparedPart | null = null;
  if (fold.test.length) {
    const testLeads = dataset.leads.reify(Array.from(fold.test));
    test = part(fold.test, pipeline.transform(testLeads, dataset.events).matrix);
  }
  split = { ...split, trainRows: fold.train.length, testRows: fold.test.length };
  return {
    pipeline,
    train: part(fold.train, train.matrix),
    test,
    split,
    trainRows: fold.train,
    testRows: fold.test,
    censoredEvents: train.censoredEvents,
  };
}
