import type { Matrix } from '../core/matrix.js';
import type { FeatureSpec } from './feature-spec.js';
import type { FeaturePipeline } from './pipeline.js';
import { TaxonomyMatcher } from './taxonomy.js';

type Row = Record<string, string | number | null>;

/**
 * Read-only views of a fitted pipeline and its output for notebooks and reports: what
 * each group of features is, what was left out and why, and what features say about
 * conversion. None of them returns personal data.
 */

/** Output columns per group, with a few example names. */
export function featureGroupTable(spec: FeatureSpec): Row[] {
  const groups = new Map<string, string[]>();
  spec.features.names.forEach((name, j) => {
    const g = spec.features.groups[j];
    groups.set(g, [...(groups.get(g) ?? []), name]);
  });
  return [...groups.entries()].map(([group, names]) => ({
    group,
    features: names.length,
    examples: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : ''),
  }));
}

/** The columns that are not features, and why. */
export function excludedTable(spec: FeatureSpec): Row[] {
  return spec.excluded.map((e) => ({ column: e.column, reason: e.reason, detail: e.detail }));
}

/** How each input column is encoded. */
export function encodingTable(spec: FeatureSpec): Row[] {
  return spec.columns.map((c) => {
    let detail = '';
    if (c.type === 'numeric') detail = `missing → ${c.fill}${c.indicator ? ' + indicator' : ''}`;
    else if (c.type === 'boolean') detail = `yes/no → 1/0${c.indicator ? ' + missing indicator' : ''}`;
    else if (c.type === 'oneHot') detail = `${c.levels.length} levels${c.missingLevel ? ' + __missing__' : ''} + __other__`;
    else if (c.type === 'highCardinality')
      detail = `${c.methods.join(' + ')} (${c.target?.levels.length ?? c.frequency?.levels.length ?? 0} levels stored)`;
    else if (c.type === 'multiValue') detail = `list split on "${c.separator}": ${c.tokens.length} items`;
    else detail = 'free-mail vs business domain only';
    return { column: c.column, encoding: c.type, detail };
  });
}

/**
 * For binary (0/1) features whose names match: the share of leads with a 1, and the
 * conversion rate with and without it — e.g. the `__missing` indicators.
 */
export function indicatorConversion(matrix: Matrix, labels: ArrayLike<number>, match: (name: string) => boolean): Row[] {
  const names = matrix.columnNames();
  const rows: Row[] = [];
  names.forEach((name, j) => {
    if (!match(name)) return;
    let ones = 0;
    let onePos = 0;
    let zeroPos = 0;
    for (let i = 0; i < matrix.rows; i++) {
      const v = matrix.data[i * matrix.cols + j];
      if (v === 1) {
        ones++;
        onePos += labels[i] === 1 ? 1 : 0;
      } else zeroPos += labels[i] === 1 ? 1 : 0;
    }
    const zeros = matrix.rows - ones;
    if (ones === 0 || zeros === 0) return;
    rows.push({
      feature: name,
      'leads with it %': round((100 * ones) / matrix.rows),
      'conversion with %': round((100 * onePos) / ones),
      'conversion without %': round((100 * zeroPos) / zeros),
      'lift (with ÷ without)': zeroPos > 0 ? round(onePos / ones / (zeroPos / zeros)) : null,
    });
  });
  return rows;
}

/** Conversion by the distinct values of one feature (at most `maxLevels`, the commonest), for charts. */
export function conversionByFeatureValue(
  matrix: Matrix,
  labels: ArrayLike<number>,
  feature: string,
  format: (value: number) => string = (v) => String(round(v)),
  maxLevels = 12,
): { level: string; count: number; rate: number }[] {
  const j = matrix.columnNames().indexOf(feature);
  if (j < 0) return [];
  const tally = new Map<number, [number, number]>();
  for (let i = 0; i < matrix.rows; i++) {
    const v = matrix.data[i * matrix.cols + j];
    const t = tally.get(v) ?? [0, 0];
    t[0]++;
    t[1] += labels[i] === 1 ? 1 : 0;
    tally.set(v, t);
  }
  return [...tally.entries()]
    .sort((a, b) => b[1][0] - a[1][0])
    .slice(0, maxLevels)
    .sort((a, b) => a[0] - b[0])
    .map(([v, [n, pos]]) => ({ level: format(v), count: n, rate: pos / n }));
}

/** How pages (seen in training or not) are segmented by the pipeline's taxonomy. */
export function taxonomyTable(spec: FeatureSpec, pages: readonly { url: string; title?: string | null; note?: string }[]): Row[] {
  if (!spec.events) return [];
  const matcher = new TaxonomyMatcher(spec.events.taxonomy);
  return pages.map((p) => {
    const s = matcher.segment(p.url, p.title ?? null);
    return { url: p.url, title: p.title ?? '', 'page type': s.pageType, themes: s.themes.join(', '), note: p.note ?? '' };
  });
}

/**
 * The same touchpoints in two orders: the lead's events as they happened, and with the
 * times of its first and last event swapped. Returns the features that differ — the path
 * slots see the order, the counts do not.
 */
export function pathOrderExample(
  pipeline: FeaturePipeline,
  lead: Readonly<Record<string, unknown>>,
  events: readonly Readonly<Record<string, unknown>>[],
): Row[] {
  const spec = pipeline.spec;
  if (!spec.events || events.length < 2) return [];
  const timeColumn = spec.events.columns.time;
  const ordered = [...events].sort((a, b) => String(a[timeColumn]).localeCompare(String(b[timeColumn])));
  const swapped = ordered.map((e) => ({ ...e }));
  const first = swapped[0][timeColumn];
  swapped[0][timeColumn] = swapped[swapped.length - 1][timeColumn];
  swapped[swapped.length - 1][timeColumn] = first;
  const a = pipeline.transformOne(lead, ordered);
  const b = pipeline.transformOne(lead, swapped);
  const rows: Row[] = [];
  spec.features.names.forEach((name, j) => {
    if (a[j] !== b[j]) rows.push({ feature: name, 'as it happened': round(a[j]), 'first and last swapped': round(b[j]) });
  });
  return rows;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * One lead before and after: each input field the spec reads with its raw value (personal
 * data masked) next to the non-zero features it became.
 */
export function leadBeforeAfter(
  pipeline: FeaturePipeline,
  lead: Readonly<Record<string, unknown>>,
  events: readonly Readonly<Record<string, unknown>>[] = [],
): Row[] {
  const spec = pipeline.spec;
  const row = pipeline.transformOne(lead, events);
  const personal = new Set(spec.excluded.filter((e) => e.reason === 'personal data').map((e) => e.column));
  const byGroup = new Map<string, string[]>();
  spec.features.names.forEach((name, j) => {
    if (row[j] === 0) return;
    const g = spec.features.groups[j];
    byGroup.set(g, [...(byGroup.get(g) ?? []), `${name} = ${round(row[j])}`]);
  });
  const fields = Object.keys(lead).filter((f) => f !== spec.dataset.target.column);
  const rows: Row[] = fields.map((field) => {
    const raw = lead[field];
    const shown = personal.has(field)
      ? '(personal data)'
      : raw === null || raw === undefined
        ? ''
        : String(raw instanceof Date ? raw.toISOString() : raw);
    const excluded = spec.excluded.find((e) => e.column === field);
    return {
      field,
      'raw value': shown,
      features: excluded ? `— (${excluded.reason})` : (byGroup.get(field) ?? []).join('; ') || '(all zero)',
    };
  });
  for (const group of ['form', 'enrichment', 'time', 'events', 'path', 'text']) {
    const list = byGroup.get(group);
    if (list)
      rows.push({
        field: `[${group}]`,
        'raw value': group === 'events' || group === 'path' || group === 'text' ? `${events.length} events` : '',
        features: list.join('; '),
      });
  }
  return rows;
}
