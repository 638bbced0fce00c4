import { InputError } from '../core/errors.js';
import { categoricalGroupsFromNames } from '../sampling/categorical-structure.js';
import { classWeights } from '../sampling/class-weights.js';
import { RandomOverSampler } from '../sampling/random-over-sampler.js';
import { RandomUnderSampler } from '../sampling/random-under-sampler.js';
import { Smote } from '../sampling/smote.js';
import { SmoteNc } from '../sampling/smote-nc.js';
import type { ImbalanceStrategy } from './cross-validate.js';

/** Strategy keys `compare` understands; `weights:90` weighs converted leads 90 times (the study's 90:1). */
export const STRATEGY_KEYS = ['none', 'weights', 'under', 'over', 'smote', 'smotenc'] as const;

/** Minority : majority after resampling, for every resampling strategy (1 : 4). */
export const RESAMPLING_RATIO = 0.25;

/**
 * The imbalance strategy for a key: none; class weights ('weights' = balanced, 'weights:90' =
 * converted leads weigh 90); random under-sampling of the non-converted leads, random
 * over-sampling, SMOTE and SMOTE-NC of the converted ones, each to 1 converted per 4 others
 * (`RESAMPLING_RATIO`), in the training part of each fold only. SMOTE-NC treats one-hot
 * groups and 0/1 columns as categorical values.
 */
export function imbalanceStrategy(key: string, ratio = RESAMPLING_RATIO): ImbalanceStrategy {
  const weightMatch = /^weights(?::(\d+(?:\.\d+)?))?$/.exec(key);
  if (weightMatch) {
    const factor = weightMatch[1] === undefined ? null : Number(weightMatch[1]);
    if (factor !== null && !(factor > 0))
      throw new InputError(`"${key}": the weight of converted leads must be positive`, { field: 'samplers' });
    return {
      key,
      label: factor === null ? 'class weights (balanced)' : `class weights (${factor}:1)`,
      weights: (y) => classWeights(y, factor === null ? 'balanced' : { 0: 1, 1: factor }).sampleWeight,
    };
  }
  switch (key) {
    case 'none':
      return { key, label: 'none' };
    case 'under':
      return {
        key,
        label: `random under-sampling (1:${1 / ratio})`,
        sampler: () => new RandomUnderSampler({ samplingStrategy: ratio }),
      };
    case 'over':
      return {
        key,
        label: `random over-sampling (1:${1 / ratio})`,
        sampler: () => new RandomOverSampler({ samplingStrategy: ratio }),
      };
    case 'smote':
      return { key, label: `SMOTE (1:${1 / ratio})`, sampler: () => new Smote({ samplingStrategy: ratio, kNeighbors: 5 }) };
    case 'smotenc':
      return {
        key,
        label: `SMOTE-NC (1:${1 / ratio})`,
        sampler: (fold) =>
          new SmoteNc({
            ...categoricalGroupsFromNames(fold.featureNames, fold.featureGroups, fold.trainX),
            samplingStrategy: ratio,
            kNeighbors: 5,
          }),
      };
    default:
      throw new InputError(`unknown imbalance strategy "${key}"; strategies: ${STRATEGY_KEYS.join(', ')}, weights:<ratio>`, {
        field: 'samplers',
      });
  }
}
