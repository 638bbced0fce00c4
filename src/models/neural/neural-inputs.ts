import { InputError } from '../../core/errors.js';
import type { EvalSet } from '../../core/estimator.js';
import { toInt32 } from '../../core/labels.js';
import type { Matrix } from '../../core/matrix.js';
import { assertSampleWeight } from '../../core/validate.js';
import type { ValidationRows } from './neural-trainer.js';

/** Throws an InputError naming the first missing or infinite value; a neural net has no way to route NaN. */
export function assertFiniteValues(X: Matrix, who: string): void {
  const data = X.data;
  for (let k = 0; k < data.length; k++) {
    if (Number.isFinite(data[k])) continue;
    const row = Math.floor(k / X.cols);
    const col = k % X.cols;
    const name = X.columns ? `"${X.columns[col]}"` : `${col}`;
    if (!Number.isNaN(data[k])) throw new InputError(`${who}: X has an infinite value at row ${row}, column ${name}`);
    throw new InputError(
      `${who}: X has a missing value (NaN) at row ${row}, column ${name}; a neural net cannot take missing values: ` +
        'impute them (the feature pipeline fill step) or use GradientBoostingClassifier, which handles them',
    );
  }
}

/** Checks X at predict time: the fitted column count, then one pass for missing and infinite values. */
export function assertNeuralPredictInputs(X: Matrix, nFeatures: number, who: string): void {
  if (X.cols !== nFeatures) throw new InputError(`${who}: X has ${X.cols} features but the model was fitted on ${nFeatures}`);
  assertFiniteValues(X, who);
}

/** Checks a fit's evalSet against the training data's shape and classes. */
export function checkNeuralEvalSet(evalSet: EvalSet, nFeatures: number, nClasses: number, who: string): ValidationRows {
  assertNeuralPredictInputs(evalSet.X, nFeatures, `${who} evalSet`);
  if (evalSet.y.length !== evalSet.X.rows) {
    throw new InputError(`${who}: evalSet.X has ${evalSet.X.rows} rows but evalSet.y has ${evalSet.y.length} labels`);
  }
  if (evalSet.X.rows === 0) throw new InputError(`${who}: evalSet has zero rows`);
  for (let i = 0; i < evalSet.y.length; i++) {
    const v = evalSet.y[i];
    if (!Number.isInteger(v) || v < 0 || v >= nClasses) {
      throw new InputError(`${who}: evalSet.y at row ${i} is ${v}; expected a class index 0..${nClasses - 1}`);
    }
  }
  if (evalSet.sampleWeight) assertSampleWeight(evalSet.sampleWeight, evalSet.X.rows, `${who} evalSet`);
  return { X: evalSet.X, y: toInt32(evalSet.y), weights: evalSet.sampleWeight ?? null };
}
