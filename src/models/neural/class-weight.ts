import { ConfigError, InputError } from '../../core/errors.js';
import type { Labels, SampleWeight } from '../../core/labels.js';

/**
 * 'balanced' weighs class k by n / (K · nₖ) (scikit-learn's rule); an object or array gives a
 * weight per class ({0: 1, 1: 5} or [1, 5]), and classes it leaves out weigh 1.
 */
export type NeuralClassWeight = 'balanced' | Readonly<Record<number, number>> | readonly number[] | null;

/** The weight of each class 0..nClasses-1 (all 1 for null). */
export function perClassWeights(classWeight: NeuralClassWeight, labels: Labels, nClasses: number, who: string): Float64Array {
  const out = new Float64Array(nClasses).fill(1);
  if (classWeight === null) return out;
  if (classWeight === 'balanced') {
    const counts = new Float64Array(nClasses);
    for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
    for (let k = 0; k < nClasses; k++) out[k] = counts[k] > 0 ? labels.length / (nClasses * counts[k]) : 0;
    return out;
  }
  if (typeof classWeight !== 'object') {
    throw new ConfigError(`${who}: classWeight must be 'balanced', null, {class: weight, …} or an array of weights`);
  }
  for (const [key, w] of Object.entries(classWeight)) {
    const k = Number(key);
    if (!Number.isInteger(k) || k < 0 || k >= nClasses) {
      throw new ConfigError(`${who}: classWeight names class ${key}, but y has classes 0..${nClasses - 1}`);
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new ConfigError(`${who}: classWeight[${key}] is ${w}; class weights must be finite and ≥ 0`);
    }
    out[k] = w;
  }
  return out;
}

/**
 * Row weights = sample weight × class weight, rescaled to mean 1 so the loss is a weighted mean
 * and the L2 penalty keeps its strength whatever the scale of the weights. Without sample and
 * class weights every row weighs exactly 1, the same numbers unit sample weights give.
 */
export function normalizedRowWeights(
  labels: Int32Array,
  perClass: Float64Array,
  sampleWeight: SampleWeight | undefined,
  who: string,
): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    out[i] = (sampleWeight ? sampleWeight[i] : 1) * perClass[labels[i]];
    total += out[i];
  }
  if (!(total > 0)) throw new InputError(`${who}: every row has weight 0; at least one row needs a positive weight`);
  const mean = total / n;
  for (let i = 0; i < n; i++) out[i] /= mean;
  return out;
}
