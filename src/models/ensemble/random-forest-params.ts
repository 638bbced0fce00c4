import { ConfigError } from '../../core/errors.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import type { ClassWeight } from './class-weight.js';
import { assertInteger, assertNullableInteger, assertNumber } from './param-checks.js';

/** Features examined per split: 'sqrt', 'log2', a fraction in (0, 1], an integer count, or null (all). */
export type MaxFeatures = 'sqrt' | 'log2' | number | null;

/** Parameters of RandomForestClassifier (scikit-learn names in camelCase). */
export interface RandomForestParams {
  /** Trees in the forest. Default 100. */
  nEstimators?: number;
  /** Deepest level of a tree, null for fully grown trees. Default null. */
  maxDepth?: number | null;
  /** Most leaves per tree (best-first growth when set), null for no limit. Default null. */
  maxLeaves?: number | null;
  /** Fewest rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /** Fewest rows in a leaf. Default 1. */
  minSamplesLeaf?: number;
  /** A split must decrease the weighted Gini impurity by at least this (scikit-learn's definition). Default 0. */
  minImpurityDecrease?: number;
  /** Features examined per split. Default 'sqrt'. */
  maxFeatures?: MaxFeatures;
  /** Draw each tree's rows with replacement. Default true. */
  bootstrap?: boolean;
  /** Rows drawn per tree: a fraction of the rows if ≤ 1, else a count; null = all rows. Default null. */
  maxSamples?: number | null;
  /** Out-of-bag predictions and score (needs bootstrap). Default false. */
  oobScore?: boolean;
  /**
   * 'balanced' (class k weighs n / (K·nₖ), nₖ its number of rows, as in scikit-learn), 'balanced_subsample'
   * (the same on each tree's bootstrap sample), one weight per class, or null. They multiply the sample
   * weights. Default null.
   */
  classWeight?: ClassWeight | 'balanced_subsample';
  /** Value bins per feature for split finding, at most 255 (one more bin holds missing values). Default 255. */
  maxBins?: number;
  /** Seed of the bootstrap and the feature draws. Default 0. */
  randomState?: number;
  /** Threads growing trees and predicting large batches (of shallow trees): null = 2 (or the number of cores if fewer); 1 = no worker threads. Default null. */
  nThreads?: number | null;
}

export type ResolvedForestParams = Required<RandomForestParams>;

const WHO = 'RandomForestClassifier';

export function resolveForestParams(params: RandomForestParams): ResolvedForestParams {
  const p: ResolvedForestParams = {
    nEstimators: params.nEstimators ?? 100,
    maxDepth: params.maxDepth ?? null,
    maxLeaves: params.maxLeaves ?? null,
    minSamplesSplit: params.minSamplesSplit ?? 2,
    minSamplesLeaf: params.minSamplesLeaf ?? 1,
    minImpurityDecrease: params.minImpurityDecrease ?? 0,
    maxFeatures: params.maxFeatures === undefined ? 'sqrt' : params.maxFeatures,
    bootstrap: params.bootstrap ?? true,
    maxSamples: params.maxSamples ?? null,
    oobScore: params.oobScore ?? false,
    classWeight: params.classWeight ?? null,
    maxBins: params.maxBins ?? MAX_BINS,
    randomState: params.randomState ?? 0,
    nThreads: params.nThreads ?? null,
  };
  assertInteger(WHO, 'nEstimators', p.nEstimators, 1);
  assertNullableInteger(WHO, 'maxDepth', p.maxDepth, 1);
  assertNullableInteger(WHO, 'maxLeaves', p.maxLeaves, 2);
  assertInteger(WHO, 'minSamplesSplit', p.minSamplesSplit, 2);
  assertInteger(WHO, 'minSamplesLeaf', p.minSamplesLeaf, 1);
  assertNumber(WHO, 'minImpurityDecrease', p.minImpurityDecrease, 0, Number.MAX_VALUE);
  assertInteger(WHO, 'maxBins', p.maxBins, 2, MAX_BINS);
  assertInteger(WHO, 'randomState', p.randomState, 0, 0xffffffff);
  if (p.oobScore && !p.bootstrap)
    throw new ConfigError(`${WHO}: oobScore needs bootstrap: true (out-of-bag rows exist only then)`);
  if (p.maxSamples !== null) {
    if (!p.bootstrap) throw new ConfigError(`${WHO}: maxSamples needs bootstrap: true`);
    if (!(p.maxSamples > 0))
      throw new ConfigError(`${WHO}: maxSamples must be a fraction in (0, 1] or a count ≥ 1, got ${p.maxSamples}`);
  }
  return p;
}

/** Features examined per split for d features. */
export function resolveMaxFeatures(maxFeatures: MaxFeatures, d: number): number {
  if (maxFeatures === null) return d;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(d)));
  if (typeof maxFeatures === 'number' && maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * d));
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1) return Math.min(d, maxFeatures as number);
  throw new ConfigError(
    `${WHO}: maxFeatures must be 'sqrt', 'log2', a fraction in (0, 1), an integer ≥ 1 or null, got ${maxFeatures}`,
  );
}

/** Rows drawn per tree for n rows. */
export function resolveMaxSamples(maxSamples: number | null, n: number): number {
  if (maxSamples === null) return n;
  if (maxSamples <= 1) return Math.max(1, Math.round(maxSamples * n));
  return Math.min(n, Math.floor(maxSamples));
}
