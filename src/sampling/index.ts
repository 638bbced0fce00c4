export {
  assertCategoricalStructure,
  type CategoricalStructure,
  categoricalGroupsFromNames,
  categoricalGroupsFromSpec,
} from './categorical-structure.js';
export { type ClassWeightSpec, type ClassWeights, classWeights } from './class-weights.js';
export { kNearestNeighbors, type NeighborOptions, type NeighborSpace, type Neighbors } from './nearest-neighbors.js';
export { RandomOverSampler, type RandomOverSamplerParams } from './random-over-sampler.js';
export { RandomUnderSampler, type RandomUnderSamplerParams } from './random-under-sampler.js';
export {
  resolveSamplingStrategy,
  type SamplingDirection,
  type SamplingStrategy,
  type SamplingStrategyName,
} from './sampling-strategy.js';
export { Smote, type SmoteParams } from './smote.js';
export { SmoteNc, type SmoteNcParams } from './smote-nc.js';
