import { ConfigError, InputError } from '../../core/errors.js';
import type { Labels, SampleWeight } from '../../core/labels.js';

/** scikit-learn's class_weight: 'balanced' weighs class k by n / (K · n_k); an array gives one weight per class. */
export type ClassWeight = 'balanced' | readonly number[] | null;

/**
 * Per-class weights (all 1 for null). 'balanced' counts the rows of each class, as scikit-learn
 * does (sample weights do not change the class weights; they multiply them); `multiplicity`, when
 * given, counts row i that many times (a bootstrap sample, for 'balanced_subsample').
 */
export function classWeights(
  classWeight: ClassWeight | 'balanced_subsample',
  y: Labels,
  nClasses: number,
  multiplicity: ArrayLike<number> | null,
  who: string,
): Float64Array {
  const out = new Float64Array(nClasses).fill(1);
  if (classWeight === null) return out;
  if (classWeight === 'balanced' || classWeight === 'balanced_subsample') {
    const totals = new Float64Array(nClasses);
    let all = 0;
    for (let i = 0; i < y.length; i++) {
      const w = multiplicity ? multiplicity[i] : 1;
      totals[y[i]] += w;
      all += w;
    }
    for (let k = 0; k < nClasses; k++) out[k] = totals[k] > 0 ? all / (nClasses * totals[k]) : 0;
    return out;
  }
  if (!Array.isArray(classWeight) || classWeight.length !== nClasses) {
    throw new ConfigError(`${who}: classWeight must be 'balanced', null or an array of ${nClasses} numbers (one per class)`);
  }
  classWeight.forEach((w, k) => {
    if (!Number.isFinite(w) || w < 0) throw new ConfigError(`${who}: classWeight[${k}] is ${w}; it must be finite and ≥ 0`);
    out[k] = w;
  });
  return out;
}

/** Row weights: sample weight × class weight of the row's class. */
export function rowWeights(y: Labels, perClass: Float64Array, sampleWeight: SampleWeight | undefined): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = (sampleWeight ? sampleWeight[i] : 1) * perClass[y[i]];
  return out;
}

/** Throws when no row has positive weight. */
export function assertSomeWeight(weights: Float64Array, who: string): void {
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) return;
  throw new InputError(`${who}: every row has weight 0; at least one row needs a positive sample weight`);
}
