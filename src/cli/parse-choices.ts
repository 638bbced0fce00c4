import { ConfigError } from '../core/errors.js';
import { parseThresholdRule, type ThresholdRule } from '../evaluation/threshold-rule.js';
import type { SplitChoice } from '../selection/prepare-dataset.js';

/** `--split`: a test share (0.2), `date:YYYY-MM-DD`, or `none`. */
export function parseSplitFlag(text: string | undefined, fallback: SplitChoice = { testSize: 0.2 }): SplitChoice {
  if (text === undefined) return fallback;
  if (text === 'none') return { none: true };
  if (text.startsWith('date:')) return { date: text.slice(5) };
  const share = Number(text);
  if (Number.isFinite(share) && share > 0 && share < 1) return { testSize: share };
  throw new ConfigError(`--split expects a test share such as 0.2, date:YYYY-MM-DD or none, got "${text}"`);
}

/**
 * `--threshold`: f1 (default), f:<beta>, precision:<share>, recall:<share>,
 * cost:<cost per lead worked>:<value per conversion>, capacity:<leads per day>:<leads worked per day>.
 */
export function parseThresholdFlag(text: string | undefined): ThresholdRule {
  if (text === undefined || text === 'f1') return { maxF: 1 };
  const [kind, a, b] = text.split(':');
  const num = (v: string | undefined): number => (v === undefined || v.trim() === '' ? Number.NaN : Number(v));
  const bad = (): never => {
    throw new ConfigError(
      `--threshold expects f1, f:<beta>, precision:<share>, recall:<share>, cost:<cost per lead>:<value per conversion> or capacity:<leads per day>:<worked per day>; got "${text}"`,
    );
  };
  const rule = ((): ThresholdRule => {
    if (kind === 'f' && Number.isFinite(num(a)) && b === undefined) return { maxF: num(a) };
    if (kind === 'precision' && Number.isFinite(num(a)) && b === undefined) return { minPrecision: num(a) };
    if (kind === 'recall' && Number.isFinite(num(a)) && b === undefined) return { minRecall: num(a) };
    if (kind === 'cost' && Number.isFinite(num(a)) && Number.isFinite(num(b)))
      return { cost: { wastedCall: num(a), conversionValue: num(b) } };
    if (kind === 'capacity' && Number.isFinite(num(a)) && Number.isFinite(num(b)))
      return { capacity: { dailyLeads: num(a), dailyCapacity: num(b) } };
    return bad();
  })();
  // Out-of-range values (precision:80 for 80%) are refused now, not after the cross-validation.
  parseThresholdRule(rule, `--threshold ${text}`);
  return rule;
}

/** A comma-separated list flag. */
export function parseListFlag(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
