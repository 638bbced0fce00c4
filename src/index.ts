/**
 * leadstack's public API: everything a notebook, a script or the CLI needs, by name.
 */

export type { Classifier, FitOptions, IterationLogs, Labels, TrainingCallback } from './core/index.js';
export {
  ConfigError,
  classCounts,
  DataError,
  fromJSON,
  InputError,
  LeadstackError,
  LearningHistory,
  Matrix,
  NotFittedError,
  Rng,
} from './core/index.js';
export {
  type BuiltinOptions,
  type BuiltinSummary,
  generateBuiltinDataset,
  writeBuiltinDataset,
} from './data/datasets/builtin/index.js';
export {
  type Dataset,
  type DatasetConfig,
  datasetLabels,
  firstLeadWithPath,
  type LeadRecord,
  type LoadDatasetOptions,
  leadRecord,
  loadDataset,
  numericColumn,
  parseDatasetConfig,
  presetConfig,
  presetNames,
  recordAt,
} from './data/datasets/index.js';
export { type PageCount, type PathLengths, pathLengths, topPages } from './data/events/index.js';
export { type LoadTableOptions, loadTable } from './data/load-table.js';
export {
  bestAchievableAuc,
  type DatasetProfile,
  describeDataFindings,
  formatProfile,
  type ProfileOptions,
  profileDataset,
  profileTableRows,
  type StageCount,
  stageCounts,
  toProfileJSON,
} from './data/profile/index.js';
export { inferSchema, type TableSchema } from './data/schema/index.js';
export {
  describeFeature,
  describeOddsRatios,
  groupImportances,
  meanAbsoluteContributions,
  oddsRatioTable,
  rankImportances,
  type TreeShapResult,
  treeShap,
} from './explain/index.js';
export {
  conversionByFeatureValue,
  encodingTable,
  excludedTable,
  type FeatureInput,
  type FeatureMatrix,
  FeaturePipeline,
  type FeatureSpec,
  featureGroupTable,
  indicatorConversion,
  leadBeforeAfter,
  type PipelineOptions,
  type PreparedPart,
  parseTaxonomy,
  pathOrderExample,
  proposeTaxonomy,
  readPreparedPart,
  Standardizer,
  type Taxonomy,
  TaxonomyMatcher,
  taxonomyTable,
  writePreparedData,
} from './features/index.js';
export { averagePrecision, logLoss, multiClassLogLoss, rocAuc } from './metrics/index.js';
export {
  GradientBoostingClassifier,
  RandomForestClassifier,
} from './models/ensemble/index.js';
export { type CoefficientSummary, LogisticRegression } from './models/linear/index.js';
export { loadTfjsModel, NeuralNetClassifier, type NeuralNetParams, neuralBackend, saveTfjsModel } from './models/neural/index.js';
export {
  BUILTIN_RULES,
  datasetRuleMatrix,
  defaultRules,
  parseRuleSet,
  RuleBasedScorer,
  type RuleSet,
  ruleMatrix,
  ruleTable,
  X_EDUCATION_RULES,
} from './models/rules/index.js';
export { NotebookOutput, type NotebookParams, notebookParams, toHtmlTable } from './notebook/index.js';
export {
  classBalanceChart,
  conversionByLevelChart,
  type Figure,
  figureToHtml,
  funnelChart,
  importanceChart,
  leakageChart,
  learningCurveChart,
  missingConversionChart,
  missingnessChart,
  numericByClassChart,
  pathLengthChart,
  profileClassBalanceChart,
  profileLeakageChart,
  profileLevelChart,
  profileMissingConversionChart,
  profileMissingnessChart,
  saveFigure,
  saveFigures,
  strongestCategoricalColumns,
  strongestNumericColumns,
} from './plot/index.js';
export {
  buildLeaderboard,
  type ChampionRule,
  type CvResult,
  chooseChampion,
  compareFeatureSets,
  crossValidate,
  DEFAULT_CHAMPION_RULE,
  dateSplit,
  type FeatureSetResult,
  type FeatureSetVariant,
  type Fold,
  foldsFromAssignment,
  groupKFold,
  type HoldoutMetrics,
  holdoutComparison,
  holdoutMetrics,
  type ImbalanceStrategy,
  type LeaderboardRow,
  MODEL_KEYS,
  type ModelCandidate,
  modelCandidate,
  type PreparedDataset,
  type PreparedFold,
  type PrepareOptions,
  prepareDataset,
  prepareFolds,
  RepeatedStratifiedKFold,
  StratifiedKFold,
  sortLeaderboard,
  stratifiedHoldout,
} from './selection/index.js';
