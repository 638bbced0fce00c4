/**
 * leadstack's public API: everything a notebook, a script or the CLI needs, by name.
 */
export {
  classCounts,
  ConfigError,
  DataError,
  fromJSON,
  InputError,
  LeadstackError,
  Matrix,
  NotFittedError,
  Rng,
} from './core/index.js';
export type { Classifier, FitOptions, IterationLogs, Labels, TrainingCallback } from './core/index.js';
export { averagePrecision, logLoss, multiClassLogLoss, rocAuc } from './metrics/index.js';
export { type NotebookParams, NotebookOutput, notebookParams, toHtmlTable } from './notebook/index.js';
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
  saveFigure,
  saveFigures,
} from './plot/index.js';
export { type Fold, foldsFromAssignment, StratifiedKFold } from './selection/stratified-k-fold.js';
