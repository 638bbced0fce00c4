import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses, cumulativePositives, linspace } from '../metrics/index.js';
import { capturedAt } from './capacity-plan.js';
import { assertNumber } from './threshold-rule.js';

export interface CapacityCurveOptions {
  /** New leads per day: capacity and conversions are then per day; without it they are counts in the evaluated leads. */
  dailyLeads?: number;
  /** Points from working no lead to working every lead. Default 101 (every 1%). */
  nPoints?: number;
  /** The score's name in charts (e.g. 'ML model', 'rule-based'). */
  name?: string;
}

/** Conversions captured as capacity grows from no lead to every lead, for a capacity chart. */
export interface CapacityCurve {
  name?: string;
  /** Share of leads worked, 0 to 1, increasing. */
  shareWorked: Float64Array;
  /** Leads worked: shareWorked · dailyLeads (per day), or · the evaluated leads. */
  capacity: Float64Array;
  /** Expected conversions captured (per day with dailyLeads), ties shared out evenly. */
  conversions: Float64Array;
  /** Expected share of all conversions captured (the cumulative gain). */
  shareOfConversions: Float64Array;
  /** dailyLeads, or the number of evaluated leads. */
  leadsPerPeriod: number;
  /** Whether capacity and conversions are per day. */
  perDay: boolean;
  baseRate: number;
}

/**
 * Capacity vs conversions captured when leads are worked in score order: the curve a
 * capacity chart draws, with working random leads as the diagonal. Computed on labelled leads
 * (out-of-fold or hold-out) and scaled to a day's leads when `dailyLeads` is given.
 */
export function capacityCurve(labels: Labels, scores: ArrayLike<number>, options: CapacityCurveOptions = {}): CapacityCurve {
  const who = 'capacityCurve';
  assertBinaryScores(labels, scores, who);
  const { nPoints = 101, dailyLeads, name } = options;
  if (!Number.isInteger(nPoints) || nPoints < 2)
    throw new InputError(`${who}: nPoints is ${nPoints}; it must be a whole number ≥ 2`);
  if (dailyLeads !== undefined)
    assertNumber(dailyLeads, 'dailyLeads', who, (v) => v > 0, 'the number of new leads per day, above 0');
  const n = labels.length;
  const { captured } = cumulativePositives(labels, scores);
  const totalConversions = captured[n];
  assertBothClasses(totalConversions, n - totalConversions, who, 'a capacity curve');
  const leadsPerPeriod = dailyLeads ?? n;
  const baseRate = totalConversions / n;
  const shareWorked = linspace(0, 1, nPoints);
  const shareOfConversions = shareWorked.map((share) => capturedAt(captured, share * n) / totalConversions);
  shareOfConversions[nPoints - 1] = 1;
  const curve: CapacityCurve = {
    shareWorked,
    capacity: shareWorked.map((share) => share * leadsPerPeriod),
    conversions: shareOfConversions.map((gain) => gain * baseRate * leadsPerPeriod),
    shareOfConversions,
    leadsPerPeriod,
    perDay: dailyLeads !== undefined,
    baseRate,
  };
  if (name !== undefined) curve.name = name;
  return curve;
}

/**
 * Capacity curves of several scores on the same leads — an ML model and the rule-based
 * score, say — so they can be drawn side by side.
 */
export function capacityCurves(
  labels: Labels,
  scoresByName: Readonly<Record<string, ArrayLike<number>>>,
  options: Omit<CapacityCurveOptions, 'name'> = {},
): CapacityCurve[] {
  return Object.entries(scoresByName).map(([name, scores]) => capacityCurve(labels, scores, { ...options, name }));
}
