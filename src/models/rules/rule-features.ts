import { Matrix } from '../../core/matrix.js';
import { DEFAULT_PAGE_TYPES, TaxonomyMatcher } from '../../features/taxonomy.js';
import { type EventCondition, type FieldCondition, isEventRule, type RuleSet } from './rule-set.js';

/** Names of an event log's columns, as in the dataset config. */
export interface RuleEventColumns {
  url?: string;
  title?: string;
  type?: string;
  channel?: string;
}

const matcher = new TaxonomyMatcher({
  version: 1,
  pageTypes: DEFAULT_PAGE_TYPES.map((s) => ({ ...s, keywords: [...s.keywords] })),
  themes: [],
});

/**
 * Which rules fire for one lead (1 / 0 per rule, in rule order), from its raw fields and
 * events — the same way a marketing-automation tool evaluates a points score.
 */
export function firedRules(
  rules: RuleSet,
  lead: Readonly<Record<string, unknown>>,
  events: readonly Readonly<Record<string, unknown>>[] = [],
  columns: RuleEventColumns = {},
): Uint8Array {
  const out = new Uint8Array(rules.rules.length);
  rules.rules.forEach((rule, k) => {
    out[k] = isEventRule(rule)
      ? eventHolds(rule.when.events, events, columns)
        ? 1
        : 0
      : fieldHolds(rule.when as FieldCondition, lead[(rule.when as FieldCondition).field])
        ? 1
        : 0;
  });
  return out;
}

/** The 0/1 matrix of fired rules for many leads: the input of `RuleBasedScorer`. Columns are named after the rules. */
export function ruleMatrix(
  rules: RuleSet,
  leads: readonly Readonly<Record<string, unknown>>[],
  eventsOf: (lead: Readonly<Record<string, unknown>>, row: number) => readonly Readonly<Record<string, unknown>>[] = () => [],
  columns: RuleEventColumns = {},
): Matrix {
  const width = rules.rules.length;
  const data = new Float64Array(leads.length * width);
  leads.forEach((lead, i) => {
    const fired = firedRules(rules, lead, eventsOf(lead, i), columns);
    for (let k = 0; k < width; k++) data[i * width + k] = fired[k];
  });
  return new Matrix(
    leads.length,
    width,
    data,
    rules.rules.map((r) => r.name),
  );
}

function fieldHolds(c: FieldCondition, raw: unknown): boolean {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  const missing = text === '' || /^(select|n\/a|na|null|-|unknown)$/i.test(text);
  switch (c.op) {
    case 'missing':
      return missing;
    case 'present':
      return !missing;
    case 'contains':
      return !missing && text.toLowerCase().includes(String(c.value).toLowerCase());
    case 'equals':
      return !missing && text.toLowerCase() === String(c.value).toLowerCase();
    case 'in':
      return !missing && (c.value as (string | number)[]).some((v) => String(v).toLowerCase() === text.toLowerCase());
    default: {
      const x = typeof raw === 'number' ? raw : Number(text);
      if (missing || !Number.isFinite(x)) return false;
      const v = c.value as number;
      return c.op === 'gt' ? x > v : c.op === 'gte' ? x >= v : c.op === 'lt' ? x < v : x <= v;
    }
  }
}

function eventHolds(c: EventCondition, events: readonly Readonly<Record<string, unknown>>[], columns: RuleEventColumns): boolean {
  let count = 0;
  for (const e of events) {
    const url = columns.url ? String(e[columns.url] ?? '') : '';
    if (c.urlContains && !url.toLowerCase().includes(c.urlContains)) continue;
    if (
      c.type &&
      String(columns.type ? (e[columns.type] ?? '') : '')
        .trim()
        .toLowerCase() !== c.type
    )
      continue;
    if (
      c.channel &&
      String(columns.channel ? (e[columns.channel] ?? '') : '')
        .trim()
        .toLowerCase() !== c.channel
    )
      continue;
    if (c.pageType) {
      const title = columns.title ? (e[columns.title] as string | null) : null;
      if (matcher.segment(url || null, title ?? null).pageType !== c.pageType) continue;
    }
    if (++count >= (c.min ?? 1)) return true;
  }
  return false;
}
