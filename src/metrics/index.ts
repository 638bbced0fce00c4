export { accuracyScore, type BalancedAccuracyOptions, balancedAccuracyFromConfusion, balancedAccuracyScore } from './accuracy.js';
export {
  assertBinaryLabels,
  assertBinaryScores,
  assertBothClasses,
  assertClassLabels,
  assertFiniteScores,
  assertLength,
  assertPredictions,
  assertProbabilities,
  assertWeights,
} from './assert-inputs.js';
export { averagePrecision } from './average-precision.js';
export { binaryClfCurve, type ThresholdCounts } from './binary-clf-curve.js';
export { type BinaryReport, type BinaryReportOptions, binaryReport, reportFromCells } from './binary-report.js';
export {
  f1Score,
  fBetaFromCounts,
  fBetaScore,
  precisionScore,
  predictedPositiveRate,
  ratioOrZero,
  recallScore,
  specificityScore,
} from './binary-scores.js';
export { type BootstrapCi, bootstrapCi } from './bootstrap-ci.js';
export {
  type BootstrapOptions,
  BootstrapResampler,
  type BootstrapScores,
  type MatrixMetricFn,
  type MetricFn,
  percentileInterval,
} from './bootstrap-resample.js';
export { brierScoreLoss } from './brier-score.js';
export { type CalibrationCurve, type CalibrationOptions, calibrationCurve } from './calibration-curve.js';
export { type CohenKappaOptions, cohenKappaScore, kappaFromConfusion } from './cohen-kappa.js';
export {
  type BinaryConfusion,
  binaryConfusion,
  type ConfusionMatrix,
  type ConfusionMatrixOptions,
  confusionMatrix,
} from './confusion-matrix.js';
export { type CumulativePositives, cumulativePositives } from './cumulative-positives.js';
export { type DelongOptions, type DelongResult, delongTest, midranks } from './delong-test.js';
export { expectedCalibrationError, maxCalibrationError } from './expected-calibration-error.js';
export { type KsStatistic, ksStatistic } from './ks-statistic.js';
export { type LiftBucket, type LiftTable, type LiftTableOptions, liftTable } from './lift-table.js';
export { logLoss, multiClassLogLoss } from './log-loss.js';
export { matthewsCorrcoef, matthewsFromConfusion } from './matthews-corrcoef.js';
export {
  type Average,
  type AveragedOptions,
  type MultiClassOptions,
  multiClassF1,
  multiClassFBeta,
  multiClassPrecision,
  multiClassRecall,
  type PerClassScores,
  precisionRecallFScoreSupport,
} from './multiclass-scores.js';
export { erfc, normalCdf, normalQuantile, normalSf } from './normal-distribution.js';
export { type PairedComparison, pairedComparison } from './paired-comparison.js';
export { type PrecisionRecallCurve, precisionRecallCurve } from './precision-recall-curve.js';
export { linspace, percentileSorted, quantileSorted } from './quantile.js';
export { orderByScoreDesc, rocAuc } from './roc-auc.js';
export { type RocCurve, type RocCurveOptions, rocCurve } from './roc-curve.js';
export { type TopK, topK, topKPrecision, topKRecall } from './top-k.js';
