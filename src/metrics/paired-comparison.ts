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

/** A paired bootstrap comparison of two models' scores on the same rows. */
export interface PairedComparison {
  estimateA: number;
  estimateB: number;
  /** estimateA − estimateB. */
  difference: number;
  /** Percentile interval of the resampled differences. */
  low: number;
  high: number;
  standardError: number;
  /**
   * Two-sided bootstrap p-value of H0: no difference, 2·min(#{d* ≤ 0} + 1, #{d* ≥ 0} + 1) / (B + 1)
   * capped at 1 — the smallest alpha whose percentile interval excludes 0 (with the +1
   * correction, so it is never exactly 0).
   */
  pValue: number;
  alpha: number;
  nBoot: number;
  nFailed: number;
  /** The resampled differences, when `keepSamples` was set. */
  samples?: Float64Array;
}

/**
 * Compares two score vectors on one metric with a paired bootstrap: each resample draws one
 * set of rows (stratified by class by default) and scores both models on it, so the
 * correlation between the models is kept and the interval of the difference is narrower
 * than two separate intervals suggest.
 */
export function pairedComparison(
  metricFn: MetricFn,
  labels: Labels,
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
  options?: BootstrapOptions,
): PairedComparison;
export function pairedComparison(
  metricFn: MatrixMetricFn,
  labels: Labels,
  scoresA: Matrix,
  scoresB: Matrix,
  options?: BootstrapOptions,
): PairedComparison;
export function pairedComparison(
  metricFn: MetricFn | MatrixMetricFn,
  labels: Labels,
  scoresA: BootstrapScores,
  scoresB: BootstrapScores,
  options: BootstrapOptions = {},
): PairedComparison {
  const who = 'pairedComparison';
  const { nBoot, alpha } = assertBootstrapInputs(who, labels, [scoresA, scoresB], options);
  const evaluate = metricFn as AnyMetricFn;
  const y = Int32Array.from(labels);
  const a = scoresA instanceof Matrix ? scoresA : Float64Array.from(scoresA);
  const b = scoresB instanceof Matrix ? scoresB : Float64Array.from(scoresB);
  const weights = options.sampleWeight ? Float64Array.from(options.sampleWeight) : undefined;
  const estimateA = evaluate(y, a, weights);
  const estimateB = evaluate(y, b, weights);
  const rng = makeRng(options.randomState, 0);
  const resampler = new BootstrapResampler(y, options.stratified ?? true);
  const differences: number[] = [];
  for (let k = 0; k < nBoot; k++) {
    const rows = resampler.draw(rng);
    const valueA = evaluateOn(evaluate, y, a, weights, rows);
    const valueB = valueA === null ? null : evaluateOn(evaluate, y, b, weights, rows);
    if (valueA !== null && valueB !== null) differences.push(valueA - valueB);
  }
  const used = differences.length;
  if (used === 0)
    throw new InputError(`${who}: the metric could not be computed on any of the ${nBoot} resamples; try stratified: true`);
  const samples = Float64Array.from(differences);
  const atMost = differences.filter((d) => d <= 0).length;
  const atLeast = differences.filter((d) => d >= 0).length;
  const result: PairedComparison = {
    estimateA,
    estimateB,
    difference: estimateA - estimateB,
    ...percentileInterval(samples, alpha),
    pValue: Math.min(1, (2 * Math.min(atMost + 1, atLeast + 1)) / (used + 1)),
    alpha,
    nBoot: used,
    nFailed: nBoot - used,
  };
  if (options.keepSamples) result.samples = samples;
  return result;
}
