import { ConfigError } from '../../core/errors.js';
import { MAX_BINS } from '../tree/bin-mapper.js';
import type { ClassWeight } from './class-weight.js';
import { assertInteger, assertNullableInteger, assertNumber } from './param-checks.js';

/** Parameters of GradientBoostingClassifier (XGBoost / LightGBM names in camelCase). */
export interface GradientBoostingParams {
  /** Boosting rounds (one tree per round, or one per class per round for multi-class). Default 100. */
  nEstimators?: number;
  /** Shrinkage of every tree's leaf values (eta). Default 0.1. */
  learningRate?: number;
  /** Deepest level of a tree (root = 0), null for no limit (then set maxLeaves). Default 6. */
  maxDepth?: number | null;
  /** Most leaves per tree (LightGBM's numLeaves); set → leaf-wise (best-first) growth. Default null (depth-wise). */
  maxLeaves?: number | null;
  /** Fewest training rows in a leaf (LightGBM's min_data_in_leaf). Default 1. */
  minSamplesLeaf?: number;
  /** Smallest hessian sum in a leaf (XGBoost's min_child_weight, LightGBM's min_sum_hessian_in_leaf). Default 1. */
  minChildWeight?: number;
  /**
   * A split must gain more than this, with gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)
   * (LightGBM's min_gain_to_split; XGBoost halves the gain, so its gamma is half this value). Default 0.
   */
  minGainToSplit?: number;
  /** L2 penalty λ on leaf values (reg_lambda). Default 1. */
  l2Regularization?: number;
  /** L1 penalty α on leaf values (reg_alpha). Default 0. */
  l1Regularization?: number;
  /** Value bins per feature, at most 255 (one more bin holds missing values). Default 255. */
  maxBins?: number;
  /** Share of rows drawn (without replacement) for each round. Default 1. */
  subsample?: number;
  /** Share of features drawn for each tree. Default 1. */
  colsampleByTree?: number;
  /** Share of the tree's features drawn for each split. Default 1. */
  colsampleByNode?: number;
  /**
   * Class weights: 'balanced' (class k weighs n / (K·nₖ), nₖ its number of rows, as in scikit-learn),
   * one weight per class, or null. They multiply the sample weights. Default null.
   */
  classWeight?: ClassWeight;
  /** Extra weight of positive rows (binary only), e.g. negatives / positives. Default 1. */
  scalePosWeight?: number;
  /**
   * Binary only: the probability every row starts from before the first tree (XGBoost's base_score;
   * 0.5 was XGBoost's default before 2.0). Null starts from the weighted training share of
   * positives, as LightGBM, scikit-learn and XGBoost ≥ 2.0 do. Default null.
   */
  baseScore?: number | null;
  /** Stop when the validation loss has not improved for this many rounds and keep the best round; null = never. Default null. */
  earlyStoppingRounds?: number | null;
  /** Share of training rows held out (stratified) for early stopping when fit gets no evalSet. Default 0.1. */
  validationFraction?: number;
  /** Exclusive feature bundling of sparse columns (LightGBM's EFB). Default true. */
  featureBundling?: boolean;
  /** Seed of row/column subsampling and the validation split. Default 0. */
  randomState?: number;
  /** Threads for histogram building and for predicting large batches: null = 2 (or the number of cores if fewer); 1 = no worker threads. Default null. */
  nThreads?: number | null;
}

export type ResolvedBoostingParams = Required<GradientBoostingParams>;

const WHO = 'GradientBoostingClassifier';

export function resolveBoostingParams(params: GradientBoostingParams): ResolvedBoostingParams {
  const p: ResolvedBoostingParams = {
    nEstimators: params.nEstimators ?? 100,
    learningRate: params.learningRate ?? 0.1,
    maxDepth: params.maxDepth === undefined ? 6 : params.maxDepth,
    maxLeaves: params.maxLeaves ?? null,
    minSamplesLeaf: params.minSamplesLeaf ?? 1,
    minChildWeight: params.minChildWeight ?? 1,
    minGainToSplit: params.minGainToSplit ?? 0,
    l2Regularization: params.l2Regularization ?? 1,
    l1Regularization: params.l1Regularization ?? 0,
    maxBins: params.maxBins ?? MAX_BINS,
    subsample: params.subsample ?? 1,
    colsampleByTree: params.colsampleByTree ?? 1,
    colsampleByNode: params.colsampleByNode ?? 1,
    classWeight: params.classWeight ?? null,
    scalePosWeight: params.scalePosWeight ?? 1,
    baseScore: params.baseScore ?? null,
    earlyStoppingRounds: params.earlyStoppingRounds ?? null,
    validationFraction: params.validationFraction ?? 0.1,
    featureBundling: params.featureBundling ?? true,
    randomState: params.randomState ?? 0,
    nThreads: params.nThreads ?? null,
  };
  assertInteger(WHO, 'nEstimators', p.nEstimators, 1);
  assertNumber(WHO, 'learningRate', p.learningRate, 0, 1e6, true);
  assertNullableInteger(WHO, 'maxDepth', p.maxDepth, 1);
  assertNullableInteger(WHO, 'maxLeaves', p.maxLeaves, 2);
  if (p.maxDepth === null && p.maxLeaves === null) {
    throw new ConfigError(`${WHO}: set maxDepth or maxLeaves (both null would grow unbounded trees)`);
  }
  assertInteger(WHO, 'minSamplesLeaf', p.minSamplesLeaf, 1);
  assertNumber(WHO, 'minChildWeight', p.minChildWeight, 0, Number.MAX_VALUE);
  assertNumber(WHO, 'minGainToSplit', p.minGainToSplit, 0, Number.MAX_VALUE);
  assertNumber(WHO, 'l2Regularization', p.l2Regularization, 0, Number.MAX_VALUE);
  assertNumber(WHO, 'l1Regularization', p.l1Regularization, 0, Number.MAX_VALUE);
  assertInteger(WHO, 'maxBins', p.maxBins, 2, MAX_BINS);
  assertNumber(WHO, 'subsample', p.subsample, 0, 1, true);
  assertNumber(WHO, 'colsampleByTree', p.colsampleByTree, 0, 1, true);
  assertNumber(WHO, 'colsampleByNode', p.colsampleByNode, 0, 1, true);
  assertNumber(WHO, 'scalePosWeight', p.scalePosWeight, 0, Number.MAX_VALUE, true);
  if (p.baseScore !== null) assertNumber(WHO, 'baseScore', p.baseScore, 0, 1 - Number.EPSILON, true);
  assertNullableInteger(WHO, 'earlyStoppingRounds', p.earlyStoppingRounds, 1);
  assertNumber(WHO, 'validationFraction', p.validationFraction, 0, 0.9);
  assertInteger(WHO, 'randomState', p.randomState, 0, 0xffffffff);
  return p;
}
