import { InputError } from '../core/errors.js';
import { type Labels, type SampleWeight, takeRows } from '../core/labels.js';
import { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { assertClassLabels, assertNotEmpty, assertWeights } from './assert-inputs.js';
import { quantileSorted } from './quantile.js';

/** Scores a bootstrap resamples row by row: one score per row, or a rows × classes probability matrix. */
export type BootstrapScores = ArrayLike<number> | Matrix;

/** A metric the bootstrap recomputes on each resample (e.g. `rocAuc`, `averagePrecision`, `logLoss`). */
export type MetricFn = (labels: Int32Array, scores: Float64Array, sampleWeight?: Float64Array) => number;

/** A metric on a probability matrix (e.g. `multiClassLogLoss`). */
export type MatrixMetricFn = (labels: Int32Array, probabilities: Matrix, sampleWeight?: Float64Array) => number;

export interface BootstrapOptions {
  /** Number of resamples. Default 1000. */
  nBoot?: number;
  /** 1 − confidence level: the interval runs from the alpha/2 to the 1 − alpha/2 percentile. Default 0.05. */
  alpha?: number;
  /** Seed or generator. Default 0. */
  randomState?: number | Rng;
  /** Resample within each class, keeping the class counts (so every resample has both classes). Default true. */
  stratified?: boolean;
  /** Per-row weights, resampled with their rows and passed to the metric as its third argument. */
  sampleWeight?: SampleWeight;
  /** Return the resampled metric values. Default false. */
  keepSamples?: boolean;
}

/** Draws bootstrap row indices, within each class when stratified. */
export class BootstrapResampler {
  private readonly groups: Int32Array[];
  constructor(labels: Labels, stratified: boolean) {
    const byClass = new Map<number, number[]>();
    for (let i = 0; i < labels.length; i++) {
      const key = stratified ? labels[i] : 0;
      const rows = byClass.get(key);
      if (rows) rows.push(i);
      else byClass.set(key, [i]);
    }
    this.groups = [...byClass.keys()].sort((a, b) => a - b).map((k) => Int32Array.from(byClass.get(k)!));
  }

  /** n row indices drawn with replacement (per class when stratified). */
  draw(rng: Rng): Int32Array {
    const total = this.groups.reduce((a, g) => a + g.length, 0);
    const out = new Int32Array(total);
    let k = 0;
    for (const rows of this.groups) for (let t = 0; t < rows.length; t++) out[k++] = rows[rng.int(rows.length)];
    return out;
  }
}

/** Checks the common bootstrap arguments and returns nBoot and alpha with defaults applied. */
export function assertBootstrapInputs(who: string, labels: Labels, scores: BootstrapScores[], options: BootstrapOptions) {
  const { nBoot = 1000, alpha = 0.05 } = options;
  assertNotEmpty(labels, who);
  assertClassLabels(labels, who);
  for (const s of scores) {
    const rows = s instanceof Matrix ? s.rows : s.length;
    if (rows !== labels.length)
      throw new InputError(`${who}: ${labels.length} labels but ${rows} scores; they must match row for row`);
  }
  assertWeights(options.sampleWeight, labels.length, who);
  if (!Number.isInteger(nBoot) || nBoot < 1)
    throw new InputError(`${who}: nBoot is ${nBoot}; it must be a whole number ≥ 1 (1000 or more is usual)`);
  if (!(alpha > 0 && alpha < 1))
    throw new InputError(`${who}: alpha is ${alpha}; it must lie strictly between 0 and 1 (0.05 for a 95% interval)`);
  return { nBoot, alpha };
}

/** The rows at `indices` of the scores, as a Float64Array or a Matrix. */
export function takeScores(scores: Float64Array | Matrix, indices: Int32Array): Float64Array | Matrix {
  return scores instanceof Matrix ? scores.selectRows(indices) : Float64Array.from(indices, (i) => scores[i]);
}

/** A metric as the bootstrap calls it, whichever kind of scores it takes. */
export type AnyMetricFn = (labels: Int32Array, scores: Float64Array | Matrix, sampleWeight?: Float64Array) => number;

/** The metric on the rows at `indices`; null when the resample is unusable (the metric throws an InputError or gives NaN). */
export function evaluateOn(
  metricFn: AnyMetricFn,
  labels: Int32Array,
  scores: Float64Array | Matrix,
  sampleWeight: Float64Array | undefined,
  indices: Int32Array,
): number | null {
  try {
    const value = metricFn(
      takeRows(labels, indices),
      takeScores(scores, indices),
      sampleWeight && takeRows(sampleWeight, indices),
    );
    return Number.isNaN(value) ? null : value;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** Percentile interval and standard error of bootstrap values (NumPy's linear percentile). */
export function percentileInterval(values: Float64Array, alpha: number): { low: number; high: number; standardError: number } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  return {
    low: quantileSorted(sorted, alpha / 2),
    high: quantileSorted(sorted, 1 - alpha / 2),
    standardError: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
  };
}
