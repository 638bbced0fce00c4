export { compareFeatureSets, type FeatureSetResult, type FeatureSetVariant } from './compare-feature-sets.js';
export {
  type CrossValidateOptions,
  type CvResult,
  crossValidate,
  type FoldScore,
  type ImbalanceStrategy,
  type ModelCandidate,
  NO_STRATEGY,
} from './cross-validate.js';
export { type DecisionPolicy, fitDecisionPolicy, ISOTONIC_MIN_CONVERSIONS } from './decision-policy.js';
export { evaluateHoldout, type HoldoutReport, type ScoreQuality } from './evaluate-holdout.js';
export { experimentSummary } from './experiment-summary.js';
export { type FittedCandidate, fitCandidate } from './fit-candidate.js';
export { groupKFold } from './group-k-fold.js';
export { type HoldoutMetrics, type HoldoutRow, holdoutComparison, holdoutMetrics } from './holdout.js';
export { imbalanceStrategy, RESAMPLING_RATIO, STRATEGY_KEYS } from './imbalance-strategies.js';
export { describeImbalanceStudy, type ImbalanceStudyOptions, type ImbalanceStudyRow, imbalanceStudy } from './imbalance-study.js';
export {
  buildLeaderboard,
  type ChampionRule,
  chooseChampion,
  DEFAULT_CHAMPION_RULE,
  type LeaderboardMetric,
  type LeaderboardOptions,
  type LeaderboardRow,
  type MeanSd,
  maxF1Threshold,
  sortLeaderboard,
} from './leaderboard.js';
export { MODEL_KEYS, type ModelKey, modelCandidate } from './model-candidates.js';
export { type PreparedDataset, type PrepareOptions, prepareDataset, type SplitChoice } from './prepare-dataset.js';
export { foldsOfMatrix, type PreparedFold, prepareFolds } from './prepare-folds.js';
export { RepeatedStratifiedKFold, type RepeatedStratifiedKFoldParams } from './repeated-stratified-k-fold.js';
export {
  bestPerModel,
  confusionTable,
  gradeComparisonTable,
  leaderboardTable,
  oofCurves,
  oofScores,
} from './report-tables.js';
export { type Experiment, type ExperimentOptions, runExperiment } from './run-experiment.js';
export { type Fold, foldsFromAssignment, StratifiedKFold, type StratifiedKFoldParams } from './stratified-k-fold.js';
export { dateSplit, stratifiedHoldout } from './train-test-split.js';
