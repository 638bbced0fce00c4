import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import { GradeCutoffs } from '../evaluation/grade-cutoffs.js';

/** The decision policy as a reader needs it: how a probability becomes a route and a grade. */
export interface PolicySummary {
  calibration: DecisionPolicy['calibration'];
  /** Calibrated probability from which a lead is routed to sales. */
  salesThreshold: number;
  thresholdRule: DecisionPolicy['thresholdRule'];
  thresholdSummary: DecisionPolicy['thresholdSummary'];
  baseRate: number;
  averageScore: number;
  /** Grades best first, each with the lowest calibrated probability that earns it (0 for the last). */
  grades: { grade: string; minProbability: number }[];
}

export function policySummary(policy: DecisionPolicy): PolicySummary {
  const cutoffs = GradeCutoffs.fromJSON(policy.grades);
  const thresholds = cutoffs.thresholds;
  return {
    calibration: policy.calibration,
    salesThreshold: policy.threshold,
    thresholdRule: policy.thresholdRule,
    thresholdSummary: policy.thresholdSummary,
    baseRate: policy.baseRate,
    averageScore: policy.averageScore,
    grades: cutoffs.grades.map((grade, g) => ({ grade, minProbability: g < thresholds.length ? thresholds[g] : 0 })),
  };
}
