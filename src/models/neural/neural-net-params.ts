import { ConfigError } from '../../core/errors.js';
import { assertInteger, assertNumber } from '../ensemble/param-checks.js';
import type { NeuralClassWeight } from './class-weight.js';

/** Activation of the hidden layers (scikit-learn's names). */
export type Activation = 'relu' | 'tanh' | 'logistic' | 'identity';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'logistic', 'identity'];

/** Parameters of NeuralNetClassifier (scikit-learn's MLPClassifier names in camelCase). */
export interface NeuralNetParams {
  /** Units of each hidden layer, input side first; [] fits a (multinomial) logistic model. Default [64, 32]. */
  hiddenLayers?: readonly number[];
  /** Activation of the hidden layers. Default 'relu'. */
  activation?: Activation;
  /** Share of each hidden layer's outputs dropped at random in every training step (inverted dropout). Default 0. */
  dropout?: number;
  /** L2 penalty α on the weights (not the biases), scaled as in scikit-learn: α/2 · ‖W‖² / batch rows. Default 1e-4. */
  l2?: number;
  /** Adam's step size. Default 1e-3. */
  learningRate?: number;
  /** Rows per training step (the last step of an epoch takes what is left). Default 256. */
  batchSize?: number;
  /** Most passes over the training rows. Default 200. */
  epochs?: number;
  /**
   * Stop when the validation loss has not improved by `tol` for `patience` epochs, and keep the
   * weights of the epoch with the lowest validation loss. Default: true when fit gets an evalSet
   * or `validationFraction` is set, else false (then training stops when the training loss has
   * not improved by `tol` for `patience` epochs, as scikit-learn's MLP does).
   */
  earlyStopping?: boolean;
  /** Share of training rows held out (stratified) for early stopping when fit gets no evalSet. Default 0.1. */
  validationFraction?: number;
  /** Epochs without an improvement larger than `tol` before training stops. Default 10. */
  patience?: number;
  /** Smallest loss decrease that counts as an improvement. Default 1e-4. */
  tol?: number;
  /** Class weights: 'balanced', one weight per class ({0: w0, 1: w1, …} or [w0, w1, …]; missing classes weigh 1), or null. Default null. */
  classWeight?: NeuralClassWeight;
  /** Seed of the weight initialisation, the shuffling, dropout and the validation split. Default 0. */
  randomState?: number;
  /** Rows per forward pass when predicting. Default 16384. */
  predictBatchSize?: number;
  /** Print one line per epoch to stderr. Default false. */
  verbose?: boolean;
}

export interface ResolvedNeuralParams extends Required<Omit<NeuralNetParams, 'earlyStopping' | 'hiddenLayers'>> {
  hiddenLayers: number[];
  /** null: decided at fit time from whether an evalSet or validationFraction was given. */
  earlyStopping: boolean | null;
}

const WHO = 'NeuralNetClassifier';

export function resolveNeuralParams(params: NeuralNetParams): ResolvedNeuralParams {
  const p: ResolvedNeuralParams = {
    hiddenLayers: Array.isArray(params.hiddenLayers) ? [...params.hiddenLayers] : ((params.hiddenLayers as never) ?? [64, 32]),
    activation: params.activation ?? 'relu',
    dropout: params.dropout ?? 0,
    l2: params.l2 ?? 1e-4,
    learningRate: params.learningRate ?? 1e-3,
    batchSize: params.batchSize ?? 256,
    epochs: params.epochs ?? 200,
    earlyStopping: params.earlyStopping ?? null,
    validationFraction: params.validationFraction ?? 0.1,
    patience: params.patience ?? 10,
    tol: params.tol ?? 1e-4,
    classWeight: params.classWeight ?? null,
    randomState: params.randomState ?? 0,
    predictBatchSize: params.predictBatchSize ?? 16384,
    verbose: params.verbose ?? false,
  };
  if (!Array.isArray(p.hiddenLayers))
    throw new ConfigError(`${WHO}: hiddenLayers must be an array of layer sizes, e.g. [64, 32]`);
  for (const [i, units] of p.hiddenLayers.entries()) assertInteger(WHO, `hiddenLayers[${i}]`, units, 1, 1 << 16);
  if (!ACTIVATIONS.includes(p.activation)) {
    throw new ConfigError(`${WHO}: activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(p.activation)}`);
  }
  assertNumber(WHO, 'dropout', p.dropout, 0, 0.95);
  assertNumber(WHO, 'l2', p.l2, 0, Number.MAX_VALUE);
  assertNumber(WHO, 'learningRate', p.learningRate, 0, 1e3, true);
  assertInteger(WHO, 'batchSize', p.batchSize, 1);
  assertInteger(WHO, 'epochs', p.epochs, 1);
  if (p.earlyStopping !== null && typeof p.earlyStopping !== 'boolean') {
    throw new ConfigError(`${WHO}: earlyStopping must be true or false, got ${JSON.stringify(p.earlyStopping)}`);
  }
  assertNumber(WHO, 'validationFraction', p.validationFraction, 0, 0.9, true);
  assertInteger(WHO, 'patience', p.patience, 1);
  assertNumber(WHO, 'tol', p.tol, 0, Number.MAX_VALUE);
  assertInteger(WHO, 'randomState', p.randomState, 0, 0xffffffff);
  assertInteger(WHO, 'predictBatchSize', p.predictBatchSize, 1);
  return p;
}

/** Early stopping runs when asked for, or by default when there are validation rows to watch. */
export function usesEarlyStopping(params: NeuralNetParams, resolved: ResolvedNeuralParams, hasEvalSet: boolean): boolean {
  if (resolved.earlyStopping !== null) return resolved.earlyStopping;
  return hasEvalSet || params.validationFraction !== undefined;
}
