import type { Matrix } from '../core/matrix.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { FeaturePipeline } from '../features/pipeline.js';
import type { PipelineOptions } from '../features/pipeline-options.js';
import type { Fold } from './stratified-k-fold.js';

/** One fold with the feature pipeline fitted on its training part only. */
export interface PreparedFold {
  fold: number;
  /** Row indices into the data set. */
  trainRows: Int32Array;
  testRows: Int32Array;
  trainX: Matrix;
  trainY: Int32Array;
  testX: Matrix;
  testY: Int32Array;
  /** Names and groups of the fold's features (they can differ between folds). */
  featureNames: string[];
  featureGroups: string[];
  /** The fold's fitted pipeline (null for folds over a ready matrix). */
  pipeline: FeaturePipeline | null;
  /** Seconds spent fitting and applying the pipeline. */
  prepareSeconds: number;
}

/**
 * Fits the feature pipeline inside each fold — levels, target encodings, taxonomy and
 * vocabulary learn only from the fold's training leads — and transforms its test leads with
 * it. Prepared once, the folds are reused by every model and sampler compared on them.
 */
export function prepareFolds(
  dataset: Dataset,
  splits: readonly Fold[],
  options: PipelineOptions = {},
  onFold?: (done: number, total: number) => void,
): PreparedFold[] {
  const labels = datasetLabels(dataset);
  return splits.map((split, fold) => {
    const started = performance.now();
    const trainLeads = dataset.leads.reify(Array.from(split.train));
    const { pipeline, train } = FeaturePipeline.fitTransform(
      { leads: trainLeads, events: dataset.events, config: dataset.config },
      options,
    );
    const test = pipeline.transform(dataset.leads.reify(Array.from(split.test)), dataset.events);
    onFold?.(fold + 1, splits.length);
    return {
      fold,
      trainRows: split.train,
      testRows: split.test,
      trainX: train.matrix,
      trainY: Int32Array.from(split.train, (r) => labels[r]),
      testX: test.matrix,
      testY: Int32Array.from(split.test, (r) => labels[r]),
      featureNames: pipeline.featureNames,
      featureGroups: [...pipeline.spec.features.groups],
      pipeline,
      prepareSeconds: (performance.now() - started) / 1000,
    };
  });
}

/** Folds over an already built matrix (no pipeline refit): for benchmarks on an exported matrix. */
export function foldsOfMatrix(
  X: Matrix,
  y: ArrayLike<number>,
  splits: readonly Fold[],
  groups?: readonly string[],
): PreparedFold[] {
  const names = X.columnNames();
  return splits.map((split, fold) => ({
    fold,
    trainRows: split.train,
    testRows: split.test,
    trainX: X.selectRows(split.train),
    trainY: Int32Array.from(split.train, (r) => y[r]),
    testX: X.selectRows(split.test),
    testY: Int32Array.from(split.test, (r) => y[r]),
    featureNames: names,
    featureGroups: groups ? [...groups] : names,
    pipeline: null,
    prepareSeconds: 0,
  }));
}
