import type { FitOptions } from '../../core/estimator.js';
import { takeRows } from '../../core/labels.js';
import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { stratifiedHoldout } from '../ensemble/sampling.js';
import { normalizedRowWeights, perClassWeights } from './class-weight.js';
import type { TrainingRows } from './minibatch.js';
import { checkNeuralEvalSet } from './neural-inputs.js';
import type { ResolvedNeuralParams } from './neural-net-params.js';
import type { ValidationRows } from './neural-trainer.js';

/**
 * The rows a fit trains on and the rows it validates on: the evalSet when given; else, with
 * early stopping, a stratified `validationFraction` of the training rows. Training rows carry
 * sample weight × class weight (mean 1); validation rows carry their sample weights only.
 */
export function splitTrainingRows(
  X: Matrix,
  labels: Int32Array,
  nClasses: number,
  options: FitOptions,
  p: ResolvedNeuralParams,
  earlyStopping: boolean,
  rng: Rng,
  who: string,
): { train: TrainingRows; valid: ValidationRows | null } {
  let trainX = X;
  let trainY = labels;
  let trainWeight = options.sampleWeight;
  let valid = options.evalSet ? checkNeuralEvalSet(options.evalSet, X.cols, nClasses, who) : null;
  if (!valid && earlyStopping) {
    const split = stratifiedHoldout(labels, nClasses, p.validationFraction, rng);
    const weights = options.sampleWeight ? Float64Array.from(options.sampleWeight) : null;
    valid = {
      X: X.selectRows(split.valid),
      y: takeRows(labels, split.valid),
      weights: weights && takeRows(weights, split.valid),
    };
    trainX = X.selectRows(split.train);
    trainY = takeRows(labels, split.train);
    trainWeight = weights ? takeRows(weights, split.train) : undefined;
  }
  const perClass = perClassWeights(p.classWeight, trainY, nClasses, who);
  return {
    train: {
      x: Float32Array.from(trainX.data),
      rows: trainX.rows,
      features: trainX.cols,
      labels: trainY,
      weights: normalizedRowWeights(trainY, perClass, trainWeight, who),
    },
    valid,
  };
}
