import { InputError } from '../../core/errors.js';
import type { EvalSet } from '../../core/estimator.js';
import { toInt32 } from '../../core/labels.js';
import type { Matrix } from '../../core/matrix.js';
import { assertPredictInputs, assertSampleWeight } from '../../core/validate.js';

/** Validation rows of a fit (from `evalSet` or a held-out split). */
export interface ValidationRows {
  X: Matrix;
  y: Int32Array;
  weights: ArrayLike<number> | null;
}

/** Checks a fit's evalSet against the training data's shape and classes. */
export function checkEvalSet(evalSet: EvalSet, nFeatures: number, nClasses: number, KIND: string): ValidationRows {
  assertPredictInputs(evalSet.X, nFeatures, { allowMissing: true, estimator: `${KIND} evalSet` });
  if (evalSet.y.length !== evalSet.X.rows) {
    throw new InputError(`${KIND}: evalSet.X has ${evalSet.X.rows} rows but evalSet.y has ${evalSet.y.length} labels`);
  }
  for (let i = 0; i < evalSet.y.length; i++) {
    const v = evalSet.y[i];
    if (!Number.isInteger(v) || v < 0 || v >= nClasses) {
      throw new InputError(`${KIND}: evalSet.y at row ${i} is ${v}; expected a class index 0..${nClasses - 1}`);
    }
  }
  if (evalSet.sampleWeight) assertSampleWeight(evalSet.sampleWeight, evalSet.X.rows, `${KIND} evalSet`);
  return { X: evalSet.X, y: toInt32(evalSet.y), weights: evalSet.sampleWeight ?? null };
}
