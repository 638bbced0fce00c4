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
  type LoadDatasetOptions,
  loadDataset,
  numericColumn,
  parseDatasetConfig,
  presetConfig,
  presetNames,
} from './data/datasets/index.js';
export { type PathLengths, pathLengths } from './data/events/index.js';
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
export { averagePrecision, logLoss, multiClassLogLoss, rocAuc } from './metrics/index.js';
export { NotebookOutput, type NotebookParams, notebookParams, toHtmlTable } from './notebook/index.js';
export {
  classBalanceChart,
  conversionByLevelChart,
  type Figure,
  figureToHtml,
  funnelChart,
  leakageChart,
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
export { type Fold, foldsFromAssignment, StratifiedKFold } from './selection/stratified-k-fold.js';
