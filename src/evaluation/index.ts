export { accuracyTrap, type TrapRow } from './accuracy-trap.js';
export { assessTrainingData, type TrainingDataAssessment, type TrainingDataOptions } from './assess-training-data.js';
export { type CalibrationReport, type CalibrationSummary, calibrationReport } from './calibration-report.js';
export { type CapacityCurve, type CapacityCurveOptions, capacityCurve, capacityCurves } from './capacity-curve.js';
export {
  type CapacityPlan,
  type CapacityPlanOptions,
  type CapacityScenario,
  type CapacityScenarioResult,
  capacityPlan,
} from './capacity-plan.js';
export {
  type CompareGradesOptions,
  compareGrades,
  type GradeComparison,
  type GradeComparisonRow,
} from './compare-grades.js';
export { CompiledPolicy, type Decision, type DecisionPolicy, type Route } from './decision-policy.js';
export { fitPlatt, type PlattFit } from './fit-platt.js';
export {
  DEFAULT_GRADE_SHARES,
  defaultGrades,
  GradeCutoffs,
  gradeCutoffs,
  type QuantileCutoffSpec,
  type ScoreCutoffSpec,
} from './grade-cutoffs.js';
export { type GradeRow, type GradeTable, gradeTable } from './grade-table.js';
export { IsotonicCalibrator } from './isotonic-calibrator.js';
export { leadScore, leadScores } from './lead-score.js';
export { PlattCalibrator, type PlattCalibratorParams } from './platt-calibrator.js';
export { poolAdjacentViolators } from './pool-adjacent-violators.js';
export { type PercentileKind, ScorePercentiles, type ScorePercentilesParams, scorePercentiles } from './score-percentiles.js';
export { thresholdOutcome, thresholdRuleOutcomes } from './threshold-outcomes.js';
export type {
  CallEconomics,
  CapacityRule,
  CostRule,
  DailyCapacity,
  MaxFRule,
  MinPrecisionRule,
  MinRecallRule,
  ThresholdRule,
} from './threshold-rule.js';
export { type ThresholdPoint, type ThresholdTable, thresholdTable } from './threshold-table.js';
export { type TunedThreshold, tuneThreshold } from './tune-threshold.js';
