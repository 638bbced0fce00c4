import type { Experiment } from './run-experiment.js';

/** The experiment without its models and per-row arrays: what `compare --json` writes and reports show. */
export function experimentSummary(exp: Experiment): Record<string, unknown> {
  const h = exp.holdout;
  return {
    dataset: exp.dataset,
    options: exp.options,
    assessment: { status: exp.assessment.status, message: exp.assessment.message, folds: exp.assessment.folds },
    leaderboard: exp.leaderboard,
    champion: {
      model: exp.champion.row.model,
      strategy: exp.champion.row.strategy,
      label: exp.champion.row.modelLabel,
      reason: exp.champion.reason,
    },
    policy: {
      calibration: exp.policy.calibration,
      threshold: exp.policy.threshold,
      thresholdRule: exp.policy.thresholdRule,
      thresholdSummary: exp.policy.thresholdSummary,
      baseRate: exp.policy.baseRate,
    },
    holdout: h
      ? {
          rows: h.rows,
          conversions: h.conversions,
          raw: h.raw,
          calibrated: h.calibrated,
          atThreshold: h.atThreshold,
          rules: h.rules,
          vsRules: h.vsRules,
          grades: h.grades ? { rows: h.grades.rows, message: h.grades.message } : null,
          lift: h.lift,
        }
      : null,
    bestAchievableAuc: exp.bestAchievableAuc,
    seconds: exp.seconds,
  };
}
