import type { ColumnTable } from 'arquero';
import { InputError } from '../core/errors.js';
import { columnValues } from '../data/column-values.js';
import type { DatasetConfig } from '../data/datasets/dataset-config.js';
import type { ColumnSchema } from '../data/schema/infer-schema.js';
import { fitBooleanEncoding } from './boolean-like.js';
import type { ColumnEncoding, ExcludedColumn, FieldGroupShare, HighCardinalityMethod, LeakageFinding } from './feature-spec.js';
import { fitHighCardinality } from './high-cardinality.js';
import { guardLeakage, type LeakageCandidate } from './leakage-guard.js';
import { countLevels, frequentLevels } from './level-counts.js';
import { fitNumericEncoding } from './missingness.js';
import { detectListSeparator, fitMultiValueEncoding } from './multi-value.js';
import { cleanNumber, cleanText } from './normalize-value.js';
import { fitOneHotEncoding } from './one-hot.js';
import { guardPersonalData } from './pii-guard.js';
import type { ResolvedPipelineOptions } from './pipeline-options.js';

export interface FittedColumns {
  columns: ColumnEncoding[];
  groups: FieldGroupShare[];
  excluded: ExcludedColumn[];
  leakage: LeakageFinding[];
  /** Out-of-fold target encodings of the training rows, by column. */
  outOfFold: Map<string, Float64Array>;
}

const CONFIGURED_AS: Partial<Record<ColumnSchema['role'], string>> = {
  postOutcome: 'post-outcome',
  labelTime: 'label time',
  stage: 'funnel stage',
};

/**
 * Decides what every lead column becomes: excluded (target, id, personal data, leakage,
 * text, dates other than the creation date, empty or constant) or encoded by its kind —
 * numeric with missingness, boolean-like, one-hot, list-valued, or high-cardinality.
 */
export function fitColumns(
  leads: ColumnTable,
  schema: readonly ColumnSchema[],
  config: DatasetConfig,
  labels: Int8Array | null,
  folds: Int32Array | null,
  placeholders: ReadonlySet<string>,
  o: ResolvedPipelineOptions,
): FittedColumns {
  const excluded: ExcludedColumn[] = [];
  const byName = new Map(schema.map((c) => [c.name, c]));
  for (const name of [...o.leakage.allow, ...Object.keys(o.encodings), ...(o.emailDomain ? [o.emailDomain] : [])]) {
    if (!byName.has(name)) {
      throw new InputError(
        `names column "${name}", which the leads do not have; columns: ${schema.map((c) => c.name).join(', ')}`,
        {
          field: 'pipeline options',
        },
      );
    }
  }
  const values = (name: string): ArrayLike<unknown> => columnValues(leads, name);
  const roleChecked: ColumnSchema[] = [];
  for (const c of schema) {
    const reason = roleExclusion(c);
    if (reason) excluded.push(reason);
    else roleChecked.push(c);
  }
  // Personal data first, so an e-mail column is reported as personal data, not as free text.
  const pii = guardPersonalData(
    roleChecked.filter((c) => c.role === 'feature').map((c) => ({ name: c.name, kind: c.kind, values: values(c.name) })),
    config.pii,
  );
  excluded.push(...pii);
  const candidates: ColumnSchema[] = [];
  for (const c of roleChecked) {
    if (pii.some((p) => p.column === c.name)) continue;
    const reason = kindExclusion(c, config);
    if (reason) excluded.push(reason);
    else candidates.push(c);
  }
  const screened: LeakageCandidate[] = candidates.map((c) => ({
    name: c.name,
    kind: c.kind,
    values: values(c.name),
    configured: c.role in CONFIGURED_AS,
    configuredAs: CONFIGURED_AS[c.role],
  }));
  const guard = guardLeakage(screened, labels, { threshold: o.leakage.threshold, allow: new Set(o.leakage.allow), seed: o.seed });
  excluded.push(...guard.excluded);
  const leaking = new Set(guard.excluded.map((e) => e.column));
  const columns: ColumnEncoding[] = [];
  const outOfFold = new Map<string, Float64Array>();
  for (const c of screened) {
    if (leaking.has(c.name)) continue;
    const schemaColumn = byName.get(c.name)!;
    const fitted = fitColumn(schemaColumn, values(c.name), config, labels, folds, placeholders, o);
    if ('excluded' in fitted) {
      excluded.push(fitted.excluded);
      continue;
    }
    columns.push(fitted.encoding);
    if (fitted.outOfFold) outOfFold.set(c.name, fitted.outOfFold);
  }
  if (o.emailDomain) columns.push({ type: 'emailDomain', column: o.emailDomain });
  return { columns, groups: fieldGroups(config, byName), excluded, leakage: guard.findings, outOfFold };
}

/** Exclusions by the role the config gives a column. */
function roleExclusion(c: ColumnSchema): ExcludedColumn | null {
  const ex = (reason: ExcludedColumn['reason'], detail: string): ExcludedColumn => ({ column: c.name, reason, detail });
  if (c.role === 'target') return ex('target', 'the target');
  if (c.role === 'pii') return ex('personal data', 'configured as personal data');
  if (c.role === 'id') return ex('id', 'configured id');
  if (c.role === 'dropped') return ex('dropped', 'listed in drop');
  if (c.role === 'date') return ex('date', 'the creation date: used for time features');
  return null;
}

/** Exclusions by what a column holds. */
function kindExclusion(c: ColumnSchema, config: DatasetConfig): ExcludedColumn | null {
  const ex = (reason: ExcludedColumn['reason'], detail: string): ExcludedColumn => ({ column: c.name, reason, detail });
  if (c.kind === 'id') return ex('id', c.reason);
  if (c.kind === 'empty') return ex('empty', 'every value is missing');
  if (c.kind === 'date' && c.role === 'feature')
    return ex('date', `a date other than the creation date (${config.date ?? 'none configured'})`);
  if (c.kind === 'text' && c.role === 'feature') return ex('free text', c.reason);
  return null;
}

type FittedColumn = { encoding: ColumnEncoding; outOfFold: Float64Array | null } | { excluded: ExcludedColumn };

function fitColumn(
  c: ColumnSchema,
  raw: ArrayLike<unknown>,
  config: DatasetConfig,
  labels: Int8Array | null,
  folds: Int32Array | null,
  placeholders: ReadonlySet<string>,
  o: ResolvedPipelineOptions,
): FittedColumn {
  const rows = raw.length;
  const choice = o.encodings[c.name];
  if (c.kind === 'numeric' && choice === undefined) {
    const numbers = Array.from(raw, (v) => cleanNumber(v, placeholders));
    const distinct = new Set(numbers.filter((v) => v !== null)).size;
    if (distinct <= 1 && !numbers.includes(null))
      return { excluded: { column: c.name, reason: 'constant', detail: 'a single value' } };
    return { encoding: fitNumericEncoding(c.name, numbers, o.numericFill), outOfFold: null };
  }
  if (c.kind === 'boolean' && choice === undefined) {
    const encoding = fitBooleanEncoding(c.name, raw, placeholders);
    const levels = countLevels(Array.from(raw, (v) => cleanText(v, true, placeholders)));
    if (levels.counts.size <= 1 && !encoding.indicator)
      return { excluded: { column: c.name, reason: 'constant', detail: 'a single value' } };
    return { encoding, outOfFold: null };
  }
  const caseFold = config.caseFold.includes(c.name);
  const cleaned = Array.from(raw, (v) => cleanText(v, caseFold, placeholders));
  const levels = countLevels(cleaned);
  if (levels.counts.size <= 1 && levels.missing === 0)
    return { excluded: { column: c.name, reason: 'constant', detail: 'a single value' } };
  const minCount = Math.max(o.minCount, Math.ceil(o.minFrequency * rows));
  if (choice === 'oneHot')
    return { encoding: fitOneHotEncoding(c.name, caseFold, levels, minCount, o.maxLevels), outOfFold: null };
  if (choice === undefined) {
    const separator = detectListSeparator(cleaned);
    if (separator)
      return { encoding: fitMultiValueEncoding(c.name, caseFold, separator, cleaned, minCount, o.maxLevels), outOfFold: null };
    if (frequentLevels(levels, minCount).length <= o.maxLevels) {
      return { encoding: fitOneHotEncoding(c.name, caseFold, levels, minCount, o.maxLevels), outOfFold: null };
    }
  }
  const methods: HighCardinalityMethod[] =
    choice === undefined ? (labels ? ['target', 'frequency'] : ['frequency']) : Array.isArray(choice) ? choice : [choice];
  if (methods.includes('target') && !labels) {
    throw new InputError(`target encoding of "${c.name}" needs labelled training rows`, { field: 'encodings' });
  }
  const fitted = fitHighCardinality(c.name, caseFold, cleaned, {
    methods,
    smoothing: o.targetSmoothing,
    hashBuckets: o.hashBuckets,
    folds,
    labels,
  });
  return fitted;
}

/** Form-fill missing share and enrichment coverage over the configured fields present in the leads. */
function fieldGroups(config: DatasetConfig, byName: ReadonlyMap<string, ColumnSchema>): FieldGroupShare[] {
  const groups: FieldGroupShare[] = [];
  const form = config.formFields.filter((f) => byName.has(f));
  const enrichment = config.enrichmentFields.filter((f) => byName.has(f));
  if (form.length) groups.push({ name: 'form.missingShare', fields: form });
  if (enrichment.length) groups.push({ name: 'enrichment.coverage', fields: enrichment });
  return groups;
}
