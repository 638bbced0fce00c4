import type { Labels } from '../core/labels.js';
import { formatCount, formatScore, formatShare } from './format-share.js';
import { parseThresholdRule, type ThresholdRule } from './threshold-rule.js';
import { type ThresholdPoint, type ThresholdTable, thresholdTable } from './threshold-table.js';

/** The threshold a rule picked, what it gives on the evaluated leads, and whether the rule's goal is met. */
export interface TunedThreshold extends ThresholdPoint {
  rule: ThresholdRule;
  /** False when no threshold meets the goal (precision or capacity out of reach, no profitable threshold); the point is then the closest one. */
  reached: boolean;
  /** One sentence saying what was chosen, or why the goal is out of reach. */
  message: string;
  /** beta of `fBeta`: the rule's for `maxF`, else 1. */
  beta: number;
  /** Expected value of the choice: for the `cost` rule only. */
  expectedValue?: number;
  totalLeads: number;
  totalConversions: number;
  baseRate: number;
}

interface Choice {
  index: number;
  reached: boolean;
  message: string;
  expectedValue?: number;
}

/**
 * Picks a decision threshold from the precision-recall trade-off of `scores` on labelled
 * leads (ideally out-of-fold or hold-out predictions). Candidate thresholds are the distinct
 * score values and a lead is worked when its score ≥ threshold, so tied leads are always
 * worked together and every reported count is exact. Rules:
 * - `{ maxF: beta }`: the largest F-beta;
 * - `{ minPrecision }`: the lowest threshold (the most leads) whose precision reaches it;
 * - `{ minRecall }`: the highest threshold (the fewest leads) whose recall reaches it;
 * - `{ cost: { wastedCall, conversionValue } }`: the largest conversionValue·TP − wastedCall·(TP + FP);
 * - `{ capacity: { dailyLeads, dailyCapacity } }`: the most leads within the top dailyCapacity/dailyLeads share.
 * Among equally good thresholds the highest (fewest leads worked) wins.
 */
export function tuneThreshold(labels: Labels, scores: ArrayLike<number>, rule: ThresholdRule): TunedThreshold {
  const who = 'tuneThreshold';
  parseThresholdRule(rule, who);
  const beta = 'maxF' in rule ? rule.maxF : 1;
  const table = thresholdTable(labels, scores, beta, who);
  const choice = choose(table, rule);
  const point = table.points[choice.index];
  const result: TunedThreshold = {
    rule,
    reached: choice.reached,
    message: choice.message,
    ...point,
    beta,
    totalLeads: table.totalLeads,
    totalConversions: table.totalConversions,
    baseRate: table.baseRate,
  };
  if (choice.expectedValue !== undefined) result.expectedValue = choice.expectedValue;
  return result;
}

function choose(table: ThresholdTable, rule: ThresholdRule): Choice {
  if ('maxF' in rule) return chooseMaxF(table);
  if ('minPrecision' in rule) return chooseMinPrecision(table, rule.minPrecision);
  if ('minRecall' in rule) return chooseMinRecall(table, rule.minRecall);
  if ('cost' in rule) return chooseCost(table, rule.cost.wastedCall, rule.cost.conversionValue);
  return chooseCapacity(table, rule.capacity.dailyCapacity / rule.capacity.dailyLeads);
}

/** Index of the largest value of `f` over the points; the first (highest threshold) among ties. */
function argMax(points: readonly ThresholdPoint[], f: (p: ThresholdPoint) => number): number {
  let best = 0;
  for (let k = 1; k < points.length; k++) if (f(points[k]) > f(points[best])) best = k;
  return best;
}

function chooseMaxF(table: ThresholdTable): Choice {
  const index = argMax(table.points, (p) => p.fBeta);
  const p = table.points[index];
  const name = table.beta === 1 ? 'F1' : `F${formatScore(table.beta)}`;
  return {
    index,
    reached: true,
    message: `threshold ${formatScore(p.threshold)} maximises ${name} (${formatScore(p.fBeta)}): ${outcome(table, p)}`,
  };
}

function chooseMinPrecision(table: ThresholdTable, target: number): Choice {
  const { points } = table;
  for (let k = points.length - 1; k >= 0; k--) {
    if (points[k].precision >= target) {
      const p = points[k];
      const message = `threshold ${formatScore(p.threshold)} is the lowest with precision ≥ ${formatShare(target)} (${formatShare(p.precision)}): ${outcome(table, p)}`;
      return { index: k, reached: true, message };
    }
  }
  // Out of reach: the best precision, with the most leads among equally precise thresholds.
  let index = 0;
  for (let k = 1; k < points.length; k++) if (points[k].precision >= points[index].precision) index = k;
  const p = points[index];
  const message =
    `no threshold reaches precision ${formatShare(target)}: the best is ${formatShare(p.precision)} at threshold ` +
    `${formatScore(p.threshold)} (${formatCount(p.leadsWorked)} leads); lower the target or improve the model`;
  return { index, reached: false, message };
}

function chooseMinRecall(table: ThresholdTable, target: number): Choice {
  // The last point works every lead (recall 1), so a target in (0, 1] is always reached.
  const index = table.points.findIndex((p) => p.recall >= target);
  const p = table.points[index];
  const message = `threshold ${formatScore(p.threshold)} is the highest with recall ≥ ${formatShare(target)} (${formatShare(p.recall)}): ${outcome(table, p)}`;
  return { index, reached: true, message };
}

function chooseCost(table: ThresholdTable, wastedCall: number, conversionValue: number): Choice {
  const value = (p: ThresholdPoint) => conversionValue * p.conversionsCaptured - wastedCall * p.leadsWorked;
  const index = argMax(table.points, value);
  const p = table.points[index];
  const expectedValue = value(p);
  if (expectedValue < 0) {
    const message =
      `no threshold pays off: a conversion brings ${formatScore(conversionValue)} and a call costs ${formatScore(wastedCall)}, ` +
      `and even the best threshold (${formatScore(p.threshold)}, precision ${formatShare(p.precision)}) loses ${formatScore(-expectedValue)}; ` +
      (wastedCall < conversionValue
        ? `working leads pays only at a precision above ${formatShare(wastedCall / conversionValue)}`
        : 'a call costs at least what a conversion brings, so no precision pays');
    return { index, reached: false, message, expectedValue };
  }
  const message = `threshold ${formatScore(p.threshold)} maximises expected value (${formatScore(expectedValue)}): ${outcome(table, p)}`;
  return { index, reached: true, message, expectedValue };
}

function chooseCapacity(table: ThresholdTable, share: number): Choice {
  const { points, totalLeads } = table;
  const workable = Math.floor(Math.min(1, share) * totalLeads + 1e-9);
  let index = -1;
  for (let k = 0; k < points.length && points[k].leadsWorked <= workable; k++) index = k;
  if (index < 0) {
    const p = points[0];
    const message =
      `capacity covers ${formatCount(workable)} of ${formatCount(totalLeads)} leads (${formatShare(share)}) but ` +
      `${formatCount(p.leadsWorked)} leads tie at the top score ${formatScore(p.threshold)}; break ties with a finer score`;
    return { index: 0, reached: false, message };
  }
  const p = points[index];
  const message = `work the top ${formatShare(p.predictedPositiveRate)} of leads (capacity ${formatShare(Math.min(1, share))}): threshold ${formatScore(p.threshold)}, ${outcome(table, p)}`;
  return { index, reached: true, message };
}

/** "work 120 of 1,000 leads (12%): precision 55%, recall 68% (97 of 143 conversions)". */
function outcome(table: ThresholdTable, p: ThresholdPoint): string {
  return (
    `work ${formatCount(p.leadsWorked)} of ${formatCount(table.totalLeads)} leads (${formatShare(p.predictedPositiveRate)}), ` +
    `precision ${formatShare(p.precision)}, recall ${formatShare(p.recall)} ` +
    `(${formatCount(p.conversionsCaptured)} of ${formatCount(table.totalConversions)} conversions)`
  );
}
