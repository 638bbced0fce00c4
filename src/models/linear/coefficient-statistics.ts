import type { CoefficientStatistics, CovarianceKind } from './coefficient-summary.js';
import type { DesignMatrix } from './design-matrix.js';
import { hasL1, penaltyParts, type ResolvedLogisticParams } from './logistic-regression-params.js';
import { invertSymmetric } from './symmetric-inverse.js';

export interface StatisticsInputs {
  design: DesignMatrix;
  /** Linear predictor (log-odds) of each row at the fitted coefficients. */
  logOdds: Float64Array;
  /** Effective row weights (sample × class weights). */
  weights: Float64Array;
  /** d fitted coefficients (binary). */
  coef: Float64Array;
  params: ResolvedLogisticParams;
}

const ZERO_NOTE = 'shrunk to exactly zero by the L1 penalty, so it has no standard error';
const ALIASED_NOTE =
  'not identifiable: this column is (nearly) a linear combination of other columns, e.g. every level of a one-hot column together with the intercept; drop one of them';

/**
 * Standard errors of a binary logistic model from the inverse of the (penalised)
 * information matrix at the optimum; see `CovarianceKind` for which matrix is used.
 * Singular matrices do not throw: the coefficients they cannot determine get NaN and a note.
 */
export function computeBinaryStatistics(inputs: StatisticsInputs): CoefficientStatistics {
  const { design, logOdds, weights, coef, params } = inputs;
  const d = design.cols;
  const m = d + 1;
  const curvature = new Float64Array(logOdds.length);
  for (let i = 0; i < logOdds.length; i++) {
    const p = 1 / (1 + Math.exp(-logOdds[i]));
    curvature[i] = weights[i] * p * (1 - p);
  }
  const information = design.weightedGram(curvature);
  const ridge = penaltyParts(params).l2 / params.C;
  for (let j = 0; j < d; j++) information[j * m + j] += ridge;
  const l1 = hasL1(params);
  const kept: number[] = [];
  for (let j = 0; j < d; j++) if (!l1 || coef[j] !== 0) kept.push(j);
  if (params.fitIntercept) kept.push(d);
  const q = kept.length;
  const sub = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) sub[a * q + b] = information[kept[a] * m + kept[b]];
  const { inverse, identifiable, singular } = invertSymmetric(sub, q);
  const standardErrors = new Float64Array(m).fill(Number.NaN);
  const rowNotes: (string | null)[] = new Array<string | null>(m).fill(l1 ? ZERO_NOTE : null);
  kept.forEach((p, a) => {
    rowNotes[p] = null;
    const variance = inverse[a * q + a];
    if (identifiable[a] && variance > 0) standardErrors[p] = Math.sqrt(variance);
    else rowNotes[p] = ALIASED_NOTE;
  });
  if (!params.fitIntercept) rowNotes[d] = null;
  const covariance: CovarianceKind = l1 ? 'active-set' : params.penalty === 'none' ? 'unpenalized' : 'penalized';
  const notes = [describeCovariance(covariance, params)];
  if (singular) {
    notes.push('The information matrix is singular or nearly so; the coefficients it cannot determine have no standard error.');
  }
  return { covariance, standardErrors, rowNotes, notes };
}

/** Multinomial models report coefficients only. */
export function multinomialStatistics(nClasses: number, nFeatures: number): CoefficientStatistics {
  const size = nClasses * (nFeatures + 1);
  const note = 'standard errors are computed for binary models only';
  return {
    covariance: 'none',
    standardErrors: new Float64Array(size).fill(Number.NaN),
    rowNotes: new Array<string | null>(size).fill(note),
    notes: [
      'Multinomial model: one coefficient vector per class; the odds ratio between classes k and l per unit of a feature is exp(coefₖ − coefₗ). Standard errors are computed for binary models only.',
    ],
  };
}

function describeCovariance(kind: CovarianceKind, params: ResolvedLogisticParams): string {
  const wald = 'Wald intervals and two-sided p-values from the normal approximation.';
  if (kind === 'unpenalized') {
    return `Standard errors from the inverse of the Fisher information XᵀWX at the maximum-likelihood estimate (as statsmodels reports them). ${wald}`;
  }
  if (kind === 'penalized') {
    return `Standard errors from the inverse of the penalised information XᵀWX + I/C (C = ${params.C}; the intercept is not penalised), the Hessian of the penalised negative log-likelihood at the optimum; the estimates are shrunk towards zero, so intervals are centred on shrunk values. ${wald}`;
  }
  return `Standard errors of the non-zero coefficients from the inverse of the information matrix restricted to them (plus the L2 part of the penalty); they ignore the uncertainty of which features the L1 penalty selected, so read them as approximate. ${wald}`;
}
