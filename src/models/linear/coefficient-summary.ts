import { normalQuantile, twoSidedPValue } from './normal-distribution.js';

/** One line of the coefficient table. */
export interface CoefficientRow {
  /** The feature (matrix column) name, or '(intercept)'. */
  feature: string;
  /** The class the coefficient belongs to: 1 for binary models, 0..K−1 for multinomial ones. */
  classIndex: number;
  isIntercept: boolean;
  /** Log-odds change per unit of the feature. */
  coefficient: number;
  /** NaN when it cannot be computed (see `note`). */
  standardError: number;
  /** coefficient / standardError. */
  z: number;
  /** Two-sided p-value of z under the normal approximation. */
  pValue: number;
  /** Confidence interval of the coefficient (Wald). */
  lower: number;
  upper: number;
  /** exp(coefficient): the factor on the odds per unit (binary models; NaN for multinomial). */
  oddsRatio: number;
  oddsRatioLower: number;
  oddsRatioUpper: number;
  /** Why a statistic is missing, in words; null when all are present. */
  note: string | null;
}

/**
 * How the standard errors were obtained:
 * - 'unpenalized': inverse of the Fisher information XᵀWX (W = sᵢ·pᵢ(1 − pᵢ)), the
 *   maximum-likelihood covariance statsmodels reports (penalty 'none');
 * - 'penalized': inverse of the penalised information XᵀWX + (1 − l1Ratio)/C·I on the
 *   coefficients (the intercept is not penalised), i.e. the Hessian of the penalised
 *   negative log-likelihood at the optimum (penalty 'l2');
 * - 'active-set': the same on the non-zero coefficients only (penalties with an L1 part);
 *   it ignores the uncertainty of which features were selected, so read it as approximate;
 * - 'none': not computed (multinomial models).
 */
export type CovarianceKind = 'unpenalized' | 'penalized' | 'active-set' | 'none';

export interface CoefficientSummary {
  rows: CoefficientRow[];
  /** Level of the intervals (default 0.95). */
  confidenceLevel: number;
  covariance: CovarianceKind;
  /** Plain-language notes about the method and any problem found. */
  notes: string[];
}

/** What the model stores to rebuild its table (it is serialized with the model). */
export interface CoefficientStatistics {
  covariance: CovarianceKind;
  /** Per parameter (class-major, intercept last in each block): standard error or NaN. */
  standardErrors: Float64Array;
  /** Per parameter: why its standard error is missing, or null. */
  rowNotes: (string | null)[];
  notes: string[];
}

export interface SummaryInputs {
  featureNames: readonly string[];
  /** K × d coefficients, row-major (K = 1 for binary models). */
  coef: Float64Array;
  intercept: Float64Array;
  fitIntercept: boolean;
  nClasses: number;
}

export function buildCoefficientSummary(
  inputs: SummaryInputs,
  statistics: CoefficientStatistics,
  confidenceLevel = 0.95,
): CoefficientSummary {
  const { featureNames, coef, intercept, fitIntercept, nClasses } = inputs;
  const d = featureNames.length;
  const K = nClasses === 2 ? 1 : nClasses;
  const critical = normalQuantile(0.5 + confidenceLevel / 2);
  const binary = K === 1;
  const rows: CoefficientRow[] = [];
  for (let k = 0; k < K; k++) {
    for (let j = 0; j <= d; j++) {
      const isIntercept = j === d;
      if (isIntercept && !fitIntercept) continue;
      const p = k * (d + 1) + j;
      const coefficient = isIntercept ? intercept[k] : coef[k * d + j];
      const se = statistics.standardErrors[p];
      const lower = coefficient - critical * se;
      const upper = coefficient + critical * se;
      rows.push({
        feature: isIntercept ? '(intercept)' : featureNames[j],
        classIndex: binary ? 1 : k,
        isIntercept,
        coefficient,
        standardError: se,
        z: coefficient / se,
        pValue: twoSidedPValue(coefficient / se),
        lower,
        upper,
        oddsRatio: binary ? Math.exp(coefficient) : Number.NaN,
        oddsRatioLower: binary ? Math.exp(lower) : Number.NaN,
        oddsRatioUpper: binary ? Math.exp(upper) : Number.NaN,
        note: statistics.rowNotes[p],
      });
    }
  }
  return { rows, confidenceLevel, covariance: statistics.covariance, notes: statistics.notes };
}
