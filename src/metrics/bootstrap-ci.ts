import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { Matrix } from '../core/matrix.js';
import { makeRng } from '../core/rng.js';
import {
  type AnyMetricFn,
  assertBootstrapInputs,
  type BootstrapOptions,
  BootstrapResampler,
  type BootstrapScores,
  evaluateOn,
  type MatrixMetricFn,
  type MetricFn,
  percentileInterval,
} from './bootstrap-resample.js';

/** A metric with its percentile-bootstrap confidence interval. */
export interface BootstrapCi {
  /** The metric on the full data. */
  estimate: number;
  /** The alpha/2 and 1 − alpha/2 percentiles of the resampled values. */
  low: number;
  high: number;
  /** Standard deviation of the resampled values. */
  standardError: number;
  alpha: number;
  /** Resamples that gave a value. */
  nBoot: number;
  /** Resamples the metric could not score (it threw an InputError or gave NaN, e.g. a single class without stratification). */
  nFailed: number;
  /** The resampled values, when `keepSamples` was set. */
  samples?: Float64Array;
}

/**
 * Percentile bootstrap confidence interval of any metric: rows are drawn with replacement
 * (within each class when `stratified`, the default, so class counts — and a defined AUC —
 * are kept), the metric is recomputed on each of `nBoot` resamples, and the interval is the
 * alpha/2 and 1 − alpha/2 percentiles (NumPy's linear method). Seeded: same `randomState`,
 * same interval. The metric receives labels as Int32Array, scores as Float64Array (or the
 * resampled Matrix) and, when given, the resampled weights.
 */
export function bootstrapCi(
  metricFn: MetricFn,
  labels: Labels,
  scores: ArrayLike<number>,
  options?: BootstrapOptions,
): BootstrapCi;
export function bootstrapCi(metricFn: MatrixMetricFn, labels: Labels, scores: Matrix, options?: BootstrapOptions): BootstrapCi;
export function bootstrapCi(
  metricFn: MetricFn | MatrixMetricFn,
  labels: Labels,
  scores: BootstrapScores,
  options: BootstrapOptions = {},
): BootstrapCi {
  const who = 'bootstrapCi';
  const { nBoot, alpha } = assertBootstrapInputs(who, labels, [scores], options);
  const evaluate = metricFn as AnyMetricFn;
  const y = Int32Array.from(labels);
  const full = scores instanceof Matrix ? scores : Float64Array.from(scores);
  const weights = options.sampleWeight ? Float64Array.from(options.sampleWeight) : undefined;
  const estimate = evaluate(y, full, weights);
  const rng = makeRng(options.randomState, 0);
  const resampler = new BootstrapResampler(y, options.stratified ?? true);
  const values: number[] = [];
  for (let b = 0; b < nBoot; b++) {
    const value = evaluateOn(evaluate, y, full, weights, resampler.draw(rng));
    if (value !== null) values.push(value);
  }
  if (values.length === 0) {
    throw new InputError(`${who}: the metric could not be computed on any of the ${nBoot} resamples; try stratified: true`);
  }
  const samples = Float64Array.from(values);
  const result: BootstrapCi = {
    estimate,
    ...percentileInterval(samples, alpha),
    alpha,
    nBoot: values.length,
    nFailed: nBoot - values.length,
  };
  if (options.keepSamples) result.samples = samples;
  return result;
}
