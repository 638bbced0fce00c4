import { fromJSON } from '../core/serialization.js';
import { type CompareGradesOptions, compareGrades, type GradeComparison } from '../evaluation/compare-grades.js';
import { CompiledPolicy, type DecisionPolicy } from '../evaluation/decision-policy.js';
import type { GradeCutoffs } from '../evaluation/grade-cutoffs.js';
import { averagePrecision } from '../metrics/average-precision.js';
import { brierScoreLoss } from '../metrics/brier-score.js';
import { type DelongResult, delongTest } from '../metrics/delong-test.js';
import { expectedCalibrationError } from '../metrics/expected-calibration-error.js';
import { type LiftTable, liftTable } from '../metrics/lift-table.js';
import { logLoss } from '../metrics/log-loss.js';
import { rocAuc } from '../metrics/roc-auc.js';
import type { FittedCandidate } from './fit-candidate.js';

export interface ScoreQuality {
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  /** Expected calibration error (10 bins). */
  ece: number;
}

/** The champion measured once on the hold-out, next to the rule-based score. */
export interface HoldoutReport {
  rows: number;
  conversions: number;
  /** The model's raw and calibrated probabilities. */
  raw: ScoreQuality;
  calibrated: ScoreQuality;
  /** At the policy's threshold (on calibrated scores). */
  atThreshold: {
    threshold: number;
    leadsSent: number;
    conversionsCaptured: number;
    precision: number;
    recall: number;
    f1: number;
    sentShare: number;
  };
  lift: LiftTable;
  /** The rule-based score on the same rows (null when it was not compared or is the champion). */
  rules: ScoreQuality | null;
  /** DeLong test of the champion's ROC-AUC against the rule score's on the same rows. */
  vsRules: DelongResult | null;
  /** Grades A–D of both on the same rows: model cut-offs from the policy (out-of-fold), rule cut-offs by the same shares of the rule scores. */
  grades: GradeComparison | null;
  labels: Uint8Array;
  rawScores: Float64Array;
  scores: Float64Array;
  ruleScores: Float64Array | null;
  /** Data-set rows of the hold-out, in order. */
  testRows: Int32Array;
}

function quality(labels: Uint8Array, p: Float64Array): ScoreQuality {
  return {
    rocAuc: rocAuc(labels, p),
    prAuc: averagePrecision(labels, p),
    logLoss: logLoss(labels, p),
    brier: brierScoreLoss(labels, p),
    ece: expectedCalibrationError(labels, p, { nBins: 10 }),
  };
}

/** Scores the hold-out leads with the development-fit champion (and rule score) and the decision policy. */
export function evaluateHoldout(
  champion: FittedCandidate,
  rules: FittedCandidate | null,
  policy: DecisionPolicy,
  testRows: Int32Array,
  testLabels: Int32Array,
  gradeOptions: CompareGradesOptions = {},
): HoldoutReport {
  const labels = Uint8Array.from(testLabels);
  const rawScores = champion.predictRows(testRows);
  const compiled = new CompiledPolicy(policy);
  const scores = compiled.calibrate(rawScores);
  let tp = 0;
  let sent = 0;
  for (let i = 0; i < labels.length; i++) {
    if (scores[i] < policy.threshold) continue;
    sent++;
    tp += labels[i];
  }
  const conversions = labels.reduce((a, b) => a + b, 0);
  const precision = sent ? tp / sent : 0;
  const recall = conversions ? tp / conversions : 0;
  const ruleScores = rules ? rules.predictRows(testRows) : null;
  return {
    rows: labels.length,
    conversions,
    raw: quality(labels, rawScores),
    calibrated: quality(labels, scores),
    atThreshold: {
      threshold: policy.threshold,
      leadsSent: sent,
      conversionsCaptured: tp,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      sentShare: sent / labels.length,
    },
    lift: liftTable(labels, scores),
    rules: ruleScores ? quality(labels, ruleScores) : null,
    vsRules: ruleScores ? delongTest(labels, scores, ruleScores) : null,
    grades: ruleScores
      ? compareGrades(labels, scores, ruleScores, { ...gradeOptions, modelCutoffs: fromJSON<GradeCutoffs>(policy.grades) })
      : null,
    labels,
    rawScores,
    scores,
    ruleScores,
    testRows,
  };
}
