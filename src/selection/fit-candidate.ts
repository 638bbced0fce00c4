import type { Classifier } from '../core/estimator.js';
import type { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { FeaturePipeline } from '../features/pipeline.js';
import type { PipelineOptions } from '../features/pipeline-options.js';
import type { ImbalanceStrategy, ModelCandidate } from './cross-validate.js';

/** A model family fitted on some leads, with what it needs to score others. */
export interface FittedCandidate {
  candidate: ModelCandidate;
  strategy: ImbalanceStrategy;
  /** The feature pipeline, fitted on the same leads, with standardization built in when the family wants it. Null for the rule-based score. */
  pipeline: FeaturePipeline | null;
  model: Classifier;
  /** Rows of the model's training input (after resampling). */
  trainRows: number;
  fitSeconds: number;
  /** P(converted) for data-set rows (transformed by this fit's pipeline, or by the rules). */
  predictRows(rows: ArrayLike<number>): Float64Array;
  /** The model's input for data-set rows. */
  inputRows(rows: ArrayLike<number>): Matrix;
}

/**
 * Fits one family with one imbalance strategy on data-set rows: the pipeline (scaling
 * included for linear models and nets), resampling or class weights, then the model — the
 * same recipe cross-validation used, applied once to all the given rows.
 */
export async function fitCandidate(
  dataset: Dataset,
  rows: ArrayLike<number>,
  candidate: ModelCandidate,
  strategy: ImbalanceStrategy,
  options: { pipeline?: PipelineOptions; seed?: number } = {},
): Promise<FittedCandidate> {
  const seed = options.seed ?? 0;
  const labels = datasetLabels(dataset);
  const rowList = Int32Array.from(rows);
  const started = performance.now();
  if (candidate.inputFor) {
    const X = candidate.inputFor(rowList);
    const model = await candidate.make(seed).fit(
      X,
      Int32Array.from(rowList, (r) => labels[r]),
    );
    return {
      candidate,
      strategy,
      pipeline: null,
      model,
      trainRows: X.rows,
      fitSeconds: (performance.now() - started) / 1000,
      predictRows: (r) => model.predictProba(candidate.inputFor!(Int32Array.from(r))),
      inputRows: (r) => candidate.inputFor!(Int32Array.from(r)),
    };
  }
  // Resampling needs unscaled features, so scaling is fitted after it, on the resampled rows.
  const { pipeline: unscaled, train } = FeaturePipeline.fitTransform(
    { leads: dataset.leads.reify(Array.from(rowList)), events: dataset.events, config: dataset.config },
    { ...options.pipeline, scale: false },
  );
  let X = train.matrix;
  let y = Int32Array.from(rowList, (r) => labels[r]);
  if (strategy.sampler) {
    const fold = {
      fold: 0,
      trainRows: rowList,
      testRows: new Int32Array(0),
      trainX: X,
      trainY: y,
      testX: X,
      testY: y,
      featureNames: unscaled.featureNames,
      featureGroups: [...unscaled.spec.features.groups],
      pipeline: unscaled,
      prepareSeconds: 0,
    };
    const resampled = strategy.sampler(fold).fitResample(X, y, new Rng(seed).fork('fit'));
    X = resampled.X;
    y = resampled.y;
  }
  let pipeline = unscaled;
  if (candidate.standardize) {
    pipeline = unscaled.withScaler(X);
    X = pipeline.scaleMatrix(X);
  }
  const model = await candidate.make(seed).fit(X, y, { sampleWeight: strategy.weights ? strategy.weights(y) : undefined });
  const inputRows = (r: ArrayLike<number>): Matrix =>
    pipeline.transform(dataset.leads.reify(Array.from(r)), dataset.events).matrix;
  return {
    candidate,
    strategy,
    pipeline,
    model,
    trainRows: X.rows,
    fitSeconds: (performance.now() - started) / 1000,
    predictRows: (r) => model.predictProba(inputRows(r)),
    inputRows,
  };
}
