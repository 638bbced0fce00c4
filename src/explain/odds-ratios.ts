import type { CoefficientSummary } from '../models/linear/coefficient-summary.js';
import { describeFeature, isIndicatorName } from './feature-words.js';

type Row = Record<string, string | number | null>;

/**
 * The logistic regression's coefficient table for reading: coefficient, standard error, z,
 * p-value, 95% interval and odds ratio per feature, strongest (largest |z|) first.
 */
export function oddsRatioTable(summary: CoefficientSummary, top = 25): Row[] {
  return summary.rows
    .filter((r) => !r.isIntercept && Number.isFinite(r.coefficient))
    .sort((a, b) => Math.abs(b.z || 0) - Math.abs(a.z || 0) || Math.abs(b.coefficient) - Math.abs(a.coefficient))
    .slice(0, top)
    .map((r) => ({
      feature: r.feature,
      meaning: describeFeature(r.feature),
      coefficient: round(r.coefficient),
      'std. error': round(r.standardError),
      z: round(r.z),
      'p-value': r.pValue < 1e-4 ? '< 0.0001' : round(r.pValue),
      '95% interval': `${round(r.lower)} … ${round(r.upper)}`,
      'odds ratio': round(r.oddsRatio),
    }));
}

/**
 * The strongest significant effects in plain words, e.g. "Holding everything else constant,
 * timeframe not answered divides the odds of converting by 4.1 (95% interval 3.2–5.3)."
 * Indicators read as having the trait versus not; other features per unit, or per standard
 * deviation when the model was fitted on standardized features.
 */
export function describeOddsRatios(
  summary: CoefficientSummary,
  options: { top?: number; alpha?: number; standardized?: boolean } = {},
): string[] {
  const alpha = options.alpha ?? 0.05;
  return summary.rows
    .filter((r) => !r.isIntercept && Number.isFinite(r.oddsRatio) && r.pValue < alpha)
    .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient))
    .slice(0, options.top ?? 6)
    .map((r) => {
      const what = describeFeature(r.feature);
      const unit = isIndicatorName(r.feature) ? '' : options.standardized ? ' per standard deviation more' : ' per unit more';
      const up = r.oddsRatio >= 1;
      const factor = up ? r.oddsRatio : 1 / r.oddsRatio;
      const [lo, hi] = up ? [r.oddsRatioLower, r.oddsRatioUpper] : [1 / r.oddsRatioUpper, 1 / r.oddsRatioLower];
      const interval = Number.isFinite(lo) && Number.isFinite(hi) ? ` (95% interval ${fmt(lo)}–${fmt(hi)})` : '';
      return `Holding everything else constant, ${what}${unit} ${up ? 'multiplies' : 'divides'} the odds of converting by ${fmt(factor)}${interval}.`;
    });
}

function fmt(v: number): string {
  return v >= 10 ? v.toFixed(0) : v.toFixed(1);
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 10_000) / 10_000 : Number.NaN;
}
