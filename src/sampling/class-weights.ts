import { ConfigError, InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertSampleWeight } from '../core/validate.js';

/**
 * How much each class weighs in training:
 *
 * - `'balanced'`: class k weighs n / (K · nₖ), with n rows, K classes present and nₖ rows of class k
 *   (scikit-learn's definition), so every class carries the same total weight;
 * - a number r (binary labels): positives weigh r, negatives 1 — `90` is the 90:1 weighting;
 * - one weight per class (`[1, 90]`) or a map class → weight (`{ 0: 1, 1: 90 }`; classes not named weigh 1).
 */
export type ClassWeightSpec = 'balanced' | number | readonly number[] | Readonly<Record<number, number>>;

/** Class weights and the row weights they give, to pass to a model as `sampleWeight`. */
export interface ClassWeights {
  /** Weight of each class (index = class; classes without rows weigh 1). */
  perClass: Float64Array;
  /** Weight of each row: its class's weight, times the given sample weight if any. */
  sampleWeight: Float64Array;
}

const WHO = 'classWeights';

/**
 * Per-class and per-row weights for imbalanced labels, the alternative to resampling: the model
 * sees every row once, and rows of rare classes count more in its loss.
 */
export function classWeights(y: Labels, spec: ClassWeightSpec, sampleWeight?: SampleWeight): ClassWeights {
  const counts: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new InputError(`${WHO}: label at row ${i} is ${v}; labels must be class indices 0, 1, …`);
    }
    while (counts.length <= v) counts.push(0);
    counts[v]++;
  }
  if (y.length === 0) throw new InputError(`${WHO}: y has no labels`);
  if (sampleWeight) assertSampleWeight(sampleWeight, y.length, WHO);
  const perClass = perClassWeights(spec, counts);
  const rows = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) rows[i] = perClass[y[i]] * (sampleWeight ? sampleWeight[i] : 1);
  return { perClass, sampleWeight: rows };
}

function perClassWeights(spec: ClassWeightSpec, counts: readonly number[]): Float64Array {
  if (spec === 'balanced') {
    const present = counts.filter((c) => c > 0).length;
    const n = counts.reduce((a, b) => a + b, 0);
    return Float64Array.from(counts, (c) => (c > 0 ? n / (present * c) : 1));
  }
  if (typeof spec === 'number') {
    if (counts.length > 2) {
      throw new InputError(
        `${WHO}: a single weight (${spec}) weighs the positives of binary labels, but y has classes up to ${counts.length - 1}; pass one weight per class`,
      );
    }
    assertWeight(spec, 'the positive class');
    return Float64Array.of(1, spec);
  }
  if (typeof spec === 'string') throw new ConfigError(`${WHO}: unknown weighting "${spec}"; use 'balanced', a number or a map`);
  const out = new Float64Array(counts.length).fill(1);
  const entries: [string, number][] = Array.isArray(spec)
    ? spec.map((w, k) => [String(k), w])
    : Object.entries(spec as Record<number, number>);
  for (const [key, weight] of entries) {
    if (!/^\d+$/.test(key)) throw new ConfigError(`${WHO}: key "${key}" is not a class index 0, 1, …`);
    assertWeight(weight, `class ${key}`);
    const k = Number(key);
    if (k < out.length) out[k] = weight;
  }
  return out;
}

function assertWeight(weight: number, what: string): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new ConfigError(`${WHO}: the weight of ${what} is ${weight}; weights must be finite and ≥ 0`);
  }
}
