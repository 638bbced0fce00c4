export { type ClassWeight, effectiveRowWeights, resolveClassWeight } from './class-weight.js';
export {
  buildCoefficientSummary,
  type CoefficientRow,
  type CoefficientSummary,
  type CovarianceKind,
} from './coefficient-summary.js';
export { type LogisticFitOptions, LogisticRegression, type SummaryOptions } from './logistic-regression.js';
export type { LogisticRegressionParams, LogisticSolver, Penalty } from './logistic-regression-params.js';
export { normalCdf, normalQuantile, twoSidedPValue } from './normal-distribution.js';
