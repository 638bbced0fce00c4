import { ConfigError } from '../../core/errors.js';

/** A condition on one lead field. */
export interface FieldCondition {
  field: string;
  /** contains / equals / in compare trimmed text case-insensitively; gt…lte compare numbers. */
  op: 'contains' | 'equals' | 'in' | 'missing' | 'present' | 'gt' | 'gte' | 'lt' | 'lte';
  /** Text for contains / equals, a list for in, a number for the comparisons. */
  value?: string | number | (string | number)[];
}

/** A condition on the lead's touchpoints: at least `min` events matching every given part. */
export interface EventCondition {
  /** Page type from the default taxonomy: pricing, demo, contact, resource, help, blog, conversion, product, home. */
  pageType?: string;
  /** Text the page URL must contain (case-insensitive). */
  urlContains?: string;
  /** Event type, e.g. form_fill, demo_request. */
  type?: string;
  /** Channel, e.g. google, email. */
  channel?: string;
  /** At least this many matching events (default 1). */
  min?: number;
}

/** One rule of a points-based lead score: when the condition holds, add `points` (negative to subtract). */
export interface ScoringRule {
  name: string;
  points: number;
  when: FieldCondition | { events: EventCondition };
}

/** A points-based lead score, as marketing-automation tools define it. */
export interface RuleSet {
  name: string;
  rules: ScoringRule[];
}

const FIELD_OPS = new Set(['contains', 'equals', 'in', 'missing', 'present', 'gt', 'gte', 'lt', 'lte']);
const NUMERIC_OPS = new Set(['gt', 'gte', 'lt', 'lte']);

/** Validates a rule set (JSON written by a person); every problem names the rule and the field. */
export function parseRuleSet(value: unknown, source = 'rule set'): RuleSet {
  const fail = (field: string, message: string): never => {
    throw new ConfigError(message, { file: source, field });
  };
  if (!value || typeof value !== 'object') return fail('rules', 'expected an object with "name" and "rules"');
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.rules) || v.rules.length === 0) fail('rules', 'expected a non-empty list of rules');
  const names = new Set<string>();
  const rules = (v.rules as unknown[]).map((raw, i): ScoringRule => {
    const at = `rules[${i}]`;
    if (!raw || typeof raw !== 'object') return fail(at, 'expected an object with "name", "points" and "when"');
    const r = raw as Record<string, unknown>;
    const name = typeof r.name === 'string' && r.name.trim() ? r.name.trim() : fail(`${at}.name`, 'expected a non-empty name');
    if (names.has(name)) fail(`${at}.name`, `"${name}" is used twice; rule names must be unique`);
    names.add(name);
    if (typeof r.points !== 'number' || !Number.isFinite(r.points))
      fail(`${at}.points`, 'expected a number of points (negative to subtract)');
    const when = r.when as Record<string, unknown> | undefined;
    if (!when || typeof when !== 'object')
      return fail(`${at}.when`, 'expected a condition: { "field", "op", "value" } or { "events": { … } }');
    if ('events' in when)
      return { name, points: r.points as number, when: { events: parseEventCondition(when.events, `${at}.when.events`, fail) } };
    if (typeof when.field !== 'string' || !when.field) fail(`${at}.when.field`, 'expected the name of a lead field');
    if (typeof when.op !== 'string' || !FIELD_OPS.has(when.op))
      fail(`${at}.when.op`, `expected one of ${[...FIELD_OPS].join(', ')}`);
    const op = when.op as FieldCondition['op'];
    if (NUMERIC_OPS.has(op) && typeof when.value !== 'number')
      fail(`${at}.when.value`, `"${op}" compares numbers: expected a number`);
    if ((op === 'contains' || op === 'equals') && typeof when.value !== 'string' && typeof when.value !== 'number') {
      fail(`${at}.when.value`, `"${op}" expects a text value`);
    }
    if (op === 'in' && !Array.isArray(when.value)) fail(`${at}.when.value`, '"in" expects a list of values');
    const condition: FieldCondition = { field: when.field as string, op };
    if (when.value !== undefined) condition.value = when.value as FieldCondition['value'];
    return { name, points: r.points as number, when: condition };
  });
  return { name: typeof v.name === 'string' ? v.name : 'rules', rules };
}

function parseEventCondition(value: unknown, at: string, fail: (field: string, message: string) => never): EventCondition {
  if (!value || typeof value !== 'object') return fail(at, 'expected { "pageType" | "urlContains" | "type" | "channel", "min" }');
  const e = value as Record<string, unknown>;
  const out: EventCondition = {};
  for (const key of ['pageType', 'urlContains', 'type', 'channel'] as const) {
    if (e[key] === undefined) continue;
    if (typeof e[key] !== 'string' || !e[key]) fail(`${at}.${key}`, 'expected text');
    out[key] = (e[key] as string).toLowerCase();
  }
  if (Object.keys(out).length === 0) fail(at, 'name at least one of pageType, urlContains, type, channel');
  if (e.min !== undefined) {
    if (!Number.isInteger(e.min) || (e.min as number) < 1) fail(`${at}.min`, 'expected a whole number ≥ 1');
    out.min = e.min as number;
  }
  return out;
}

/** Whether a rule looks at events rather than a lead field. */
export function isEventRule(rule: ScoringRule): rule is ScoringRule & { when: { events: EventCondition } } {
  return 'events' in rule.when;
}
