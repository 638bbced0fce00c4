export {
  AbortError,
  ConfigError,
  DataError,
  type ErrorLocation,
  InputError,
  isLeadstackError,
  LeadstackError,
  NotFittedError,
  SerializationError,
} from './errors.js';
export type {
  Classifier,
  EvalSet,
  FitOptions,
  HasDecisionFunction,
  IterationLogs,
  Resampled,
  Sampler,
  TrainingCallback,
  Transformer,
} from './estimator.js';
export { isAborted } from './estimator.js';
export { classCounts, type Labels, type SampleWeight, takeRows, toInt32 } from './labels.js';
export { LearningHistory } from './learning-history.js';
export { concatRows, Matrix } from './matrix.js';
export { hashString, makeRng, type RandomState, Rng } from './rng.js';
export {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  fromJSON,
  registerKind,
  type SerializedEstimator,
} from './serialization.js';
export { assertFitInputs, assertPredictInputs, assertSampleWeight, type FitInputCheck } from './validate.js';
