import { InputError } from '../core/errors.js';

/** Maximise F-beta (1 for F1; above 1 favours recall, below 1 precision). */
export interface MaxFRule {
  maxF: number;
}

/** The lowest threshold (the most leads worked) whose precision reaches the target share. */
export interface MinPrecisionRule {
  minPrecision: number;
}

/** The highest threshold (the fewest leads worked) whose recall reaches the target share. */
export interface MinRecallRule {
  minRecall: number;
}

/** What a call costs and what a conversion brings, in the same currency. */
export interface CallEconomics {
  /** Cost of working one lead (a call, an e-mail sequence): paid for every lead worked. */
  wastedCall: number;
  /** Value of one conversion. */
  conversionValue: number;
}

/** Maximise expected value = conversionValue · conversions − wastedCall · leads worked. */
export interface CostRule {
  cost: CallEconomics;
}

/** How many leads arrive and how many the team can work per day. */
export interface DailyCapacity {
  dailyLeads: number;
  dailyCapacity: number;
}

/** Work the top dailyCapacity / dailyLeads share of leads, never more. */
export interface CapacityRule {
  capacity: DailyCapacity;
}

/** How `tuneThreshold` picks a threshold; exactly one key. */
export type ThresholdRule = MaxFRule | MinPrecisionRule | MinRecallRule | CostRule | CapacityRule;

const RULE_KEYS = ['maxF', 'minPrecision', 'minRecall', 'cost', 'capacity'] as const;
export type ThresholdRuleName = (typeof RULE_KEYS)[number];

/** Names the rule's key and checks its values, throwing an `InputError` that says how to fix it. */
export function parseThresholdRule(rule: ThresholdRule, who: string): ThresholdRuleName {
  const keys = rule && typeof rule === 'object' ? Object.keys(rule) : [];
  const known = keys.filter((k): k is ThresholdRuleName => (RULE_KEYS as readonly string[]).includes(k));
  if (known.length !== 1 || keys.length !== 1) {
    throw new InputError(
      `${who}: the rule must have exactly one of ${RULE_KEYS.join(', ')}; got ${JSON.stringify(rule)} (e.g. { minPrecision: 0.8 })`,
    );
  }
  const name = known[0];
  if ('maxF' in rule) assertNumber(rule.maxF, 'maxF', who, (v) => v > 0, 'a positive beta (1 for F1, 2 to favour recall)');
  if ('minPrecision' in rule) assertShare(rule.minPrecision, 'minPrecision', who);
  if ('minRecall' in rule) assertShare(rule.minRecall, 'minRecall', who);
  if ('cost' in rule) {
    const cost = rule.cost ?? ({} as CallEconomics);
    assertNumber(cost.wastedCall, 'cost.wastedCall', who, (v) => v >= 0, 'a cost per lead worked, 0 or more');
    assertNumber(cost.conversionValue, 'cost.conversionValue', who, (v) => v > 0, 'a positive value per conversion');
  }
  if ('capacity' in rule) assertCapacity(rule.capacity ?? ({} as DailyCapacity), who, 'capacity.');
  return name;
}

/** Checks daily lead and capacity counts: both positive and finite. */
export function assertCapacity(capacity: DailyCapacity, who: string, prefix = ''): void {
  assertNumber(capacity.dailyLeads, `${prefix}dailyLeads`, who, (v) => v > 0, 'the number of new leads per day, above 0');
  assertNumber(
    capacity.dailyCapacity,
    `${prefix}dailyCapacity`,
    who,
    (v) => v > 0,
    'the leads the team can work per day, above 0',
  );
}

function assertShare(value: number, name: string, who: string): void {
  assertNumber(value, name, who, (v) => v > 0 && v <= 1, 'a share between 0 and 1 (0.8 for 80%)');
}

/** Throws unless `value` is a finite number passing `ok`. */
export function assertNumber(value: number, name: string, who: string, ok: (v: number) => boolean, expected: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new InputError(`${who}: ${name} is ${value}; it must be ${expected}`);
  }
}

/** A rule in a few words, for tables and chart legends: "max F1", "precision ≥ 80%", "capacity 20%". */
export function thresholdRuleLabel(rule: ThresholdRule): string {
  const pct = (v: number): string => `${Number((100 * v).toPrecision(3))}%`;
  if ('maxF' in rule) return rule.maxF === 1 ? 'max F1' : `max F${rule.maxF}`;
  if ('minPrecision' in rule) return `precision ≥ ${pct(rule.minPrecision)}`;
  if ('minRecall' in rule) return `recall ≥ ${pct(rule.minRecall)}`;
  if ('cost' in rule) return 'max expected value';
  return `capacity ${pct(Math.min(1, rule.capacity.dailyCapacity / rule.capacity.dailyLeads))}`;
}
