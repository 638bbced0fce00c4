export { type ClassCount, classBalanceChart } from './class-balance-chart.js';
export { conversionByLevelChart, type LevelRate } from './conversion-by-level-chart.js';
export { colors, type Figure, formatPercent, type Layout, type LayoutOptions, makeLayout, type Trace } from './figure.js';
export {
  escapeHtml,
  type FigureHtmlOptions,
  figureToHtml,
  figureToStandaloneHtml,
  plotlyBundle,
  plotlyBundlePath,
  plotlyScriptTag,
  type StandaloneOptions,
} from './figure-html.js';
export { funnelChart, type StageCount } from './funnel-chart.js';
export { type LeakageSuspect, leakageChart } from './leakage-chart.js';
export { type ColumnMissingness, missingConversionChart, missingnessChart } from './missingness-chart.js';
export { importanceChart, learningCurveChart } from './model-charts.js';
export { type NumericByClassOptions, numericByClassChart } from './numeric-by-class-chart.js';
export { pathLengthChart, pathLengthQuantile } from './path-length-chart.js';
export {
  profileClassBalanceChart,
  profileLeakageChart,
  profileLevelChart,
  profileMissingConversionChart,
  profileMissingnessChart,
  strongestCategoricalColumns,
  strongestNumericColumns,
} from './profile-figures.js';
export {
  chromiumArgs,
  chromiumPath,
  FigureExportError,
  type FigureFormat,
  type NamedFigure,
  type SaveFigureOptions,
  saveFigure,
  saveFigures,
} from './save-figure.js';

// Figures of the evaluation layer: thresholds, capacity, calibration, grades, gains.

export { type CapacityChartOptions, capacityChart } from './capacity-chart.js';
export { groupedBarChart, prOverlayChart, rocOverlayChart } from './curve-overlay-charts.js';
export { gainsChart, type NamedLiftTable } from './gains-chart.js';
export { type GradeComparisonChartOptions, gradeComparisonChart } from './grade-comparison-chart.js';
export { liftChart } from './lift-chart.js';
export { type PrecisionRecallChartOptions, precisionRecallChart, thresholdRuleLabel } from './precision-recall-chart.js';
export { type ReliabilityChartOptions, reliabilityChart } from './reliability-chart.js';
export { type ScoreDistributionChartOptions, scoreDistributionChart } from './score-distribution-chart.js';
