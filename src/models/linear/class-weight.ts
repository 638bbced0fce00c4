import { InputError } from '../../core/errors.js';
import { classCounts, type Labels, type SampleWeight } from '../../core/labels.js';

/** 'balanced' weighs class k by n / (K · nₖ) (scikit-learn's rule); an array gives one weight per class. */
export type ClassWeight = 'balanced' | readonly number[] | null;

/** The weight of each class, or null when every class weighs 1. */
export function resolveClassWeight(
  classWeight: ClassWeight | undefined,
  labels: Labels,
  nClasses: number,
  who: string,
): Float64Array | null {
  if (classWeight === null || classWeight === undefined) return null;
  if (classWeight === 'balanced') {
    const counts = classCounts(labels, nClasses);
    return Float64Array.from(counts, (c) => labels.length / (nClasses * c));
  }
  if (!Array.isArray(classWeight) || classWeight.length !== nClasses) {
    throw new InputError(
      `${who}: classWeight must be 'balanced', null or an array of ${nClasses} weights (one per class), got ${JSON.stringify(classWeight)}`,
    );
  }
  classWeight.forEach((w, k) => {
    if (!Number.isFinite(w) || w < 0) throw new InputError(`${who}: classWeight[${k}] is ${w}; weights must be finite and ≥ 0`);
  });
  return Float64Array.from(classWeight);
}

/** Row weights = sample weight × class weight (all ones when neither is given). */
export function effectiveRowWeights(
  labels: Labels,
  sampleWeight: SampleWeight | undefined,
  classWeight: Float64Array | null,
): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const s = sampleWeight ? sampleWeight[i] : 1;
    out[i] = classWeight ? s * classWeight[labels[i]] : s;
  }
  return out;
}
