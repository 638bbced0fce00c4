import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses, cumulativePositives } from '../metrics/index.js';
import { assertNumber } from './threshold-rule.js';

/** One staffing scenario: how many leads the team can work per day. */
export interface CapacityScenario {
  name: string;
  /** Leads the team can work per day. */
  capacity: number;
  /** New leads per day in this scenario (a peak season brings more); default: the plan's dailyLeads. */
  dailyLeads?: number;
}

export interface CapacityPlanOptions {
  /** New leads per day in a normal period. */
  dailyLeads: number;
  scenarios: readonly CapacityScenario[];
}

/** What working the top-scored leads up to capacity yields per day, expected from the evaluated leads. */
export interface CapacityScenarioResult {
  name: string;
  capacity: number;
  dailyLeads: number;
  /** Leads worked per day: min(capacity, dailyLeads). */
  leadsWorkedPerDay: number;
  /** Share of the day's leads worked: leadsWorkedPerDay / dailyLeads. */
  shareWorked: number;
  /**
   * The score of the last lead worked: leads scoring above it are worked; leads tied with it
   * are worked only in part when capacity ends inside the tie.
   */
  threshold: number;
  /** Expected share of worked leads that convert (ties at the threshold counted in proportion). */
  precision: number;
  /** Expected share of all conversions captured. */
  recall: number;
  /** leadsWorkedPerDay · precision. */
  conversionsPerDay: number;
  /** Leads worked per conversion: 1 / precision (Infinity when none convert). */
  callsPerConversion: number;
  /** precision / base rate: how many times better than working random leads. */
  lift: number;
}

export interface CapacityPlan {
  scenarios: CapacityScenarioResult[];
  /** Conversion rate of the evaluated leads. */
  baseRate: number;
  totalLeads: number;
  totalConversions: number;
}

/**
 * Capacity planning from a score and labelled leads (ideally out-of-fold or hold-out
 * predictions): for each staffing scenario, the day's leads are ranked by score and the top
 * min(capacity, dailyLeads) are worked. Precision and recall at that share are read from the
 * evaluated leads with tied scores shared out evenly, so a share falling inside a run of ties
 * gets the expected outcome of working part of it.
 */
export function capacityPlan(labels: Labels, scores: ArrayLike<number>, options: CapacityPlanOptions): CapacityPlan {
  const who = 'capacityPlan';
  assertBinaryScores(labels, scores, who);
  const { dailyLeads, scenarios } = options;
  assertNumber(dailyLeads, 'dailyLeads', who, (v) => v > 0, 'the number of new leads per day, above 0');
  if (!Array.isArray(scenarios) || scenarios.length === 0) {
    throw new InputError(
      `${who}: scenarios is empty; give at least one { name, capacity }, e.g. { name: 'normal', capacity: 200 }`,
    );
  }
  const { captured, sortedScores } = cumulativePositives(labels, scores);
  const n = labels.length;
  const totalConversions = captured[n];
  assertBothClasses(totalConversions, n - totalConversions, who, 'lift');
  const baseRate = totalConversions / n;
  const results = scenarios.map((scenario, s) => {
    const where = `scenarios[${s}] ("${scenario?.name}")`;
    assertNumber(scenario?.capacity, `${where}.capacity`, who, (v) => v > 0, 'the leads the team can work per day, above 0');
    const leads = scenario.dailyLeads ?? dailyLeads;
    assertNumber(leads, `${where}.dailyLeads`, who, (v) => v > 0, 'the number of new leads per day, above 0');
    const leadsWorkedPerDay = Math.min(scenario.capacity, leads);
    const shareWorked = leadsWorkedPerDay / leads;
    const { precision, recall, threshold } = atShare(captured, sortedScores, shareWorked);
    return {
      name: scenario.name,
      capacity: scenario.capacity,
      dailyLeads: leads,
      leadsWorkedPerDay,
      shareWorked,
      threshold,
      precision,
      recall,
      conversionsPerDay: leadsWorkedPerDay * precision,
      callsPerConversion: 1 / precision,
      lift: precision / baseRate,
    };
  });
  return { scenarios: results, baseRate, totalLeads: n, totalConversions };
}

/**
 * Expected precision and recall of working the top `share` of ranked leads, with
 * `captured[k]` the expected positives among the top k (see `cumulativePositives`) read
 * linearly between whole ranks.
 */
export function atShare(
  captured: Float64Array,
  sortedScores: Float64Array,
  share: number,
): { positives: number; precision: number; recall: number; threshold: number } {
  const n = sortedScores.length;
  let k = share * n;
  if (Math.abs(k - Math.round(k)) < 1e-9) k = Math.round(k);
  const positives = capturedAt(captured, k);
  const last = Math.max(1, Math.ceil(k));
  return {
    positives,
    precision: k > 0 ? positives / k : Number.NaN,
    recall: positives / captured[n],
    threshold: sortedScores[last - 1],
  };
}

/** Expected positives among the top k ranked leads, k fractional: linear between whole ranks. */
export function capturedAt(captured: Float64Array, k: number): number {
  const lower = Math.floor(k);
  if (lower >= captured.length - 1) return captured[captured.length - 1];
  return captured[lower] + (k - lower) * (captured[lower + 1] - captured[lower]);
}
