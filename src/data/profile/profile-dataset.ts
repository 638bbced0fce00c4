import type { ColumnTable } from 'arquero';
import { columnValues, materialize } from '../column-values.js';
import type { DatasetConfig } from '../datasets/dataset-config.js';
import { scanTargetLabels } from '../datasets/target-labels.js';
import { parseIsoDate } from '../parse-iso-date.js';
import { columnStats, topCounts, type ValueKey } from '../schema/column-stats.js';
import type { ColumnKind } from '../schema/infer-column-kind.js';
import { type ColumnSchema, inferSchema } from '../schema/infer-schema.js';
import { findLeakageSuspects, type LeakageSuspect } from './leakage-suspects.js';
import { type LevelRate, levelRates, type MissingnessRates, missingnessRates } from './level-rates.js';
import { type NumericSummary, numericSummary } from './numeric-summary.js';
import { findPiiSuspects, type PiiSuspect } from './pii-suspects.js';
import { type ColumnAuc, singleColumnAuc } from './single-column-auc.js';

export interface ProfileOptions {
  /** Single-column AUC from which a column is a leakage suspect (default 0.8). */
  leakageThreshold?: number;
  /** Folds of the out-of-fold level rates behind categorical AUCs (default 5). */
  folds?: number;
  /** Seed of those folds (default 0). */
  seed?: number;
  /** Commonest values listed per column (default 5). */
  topValues?: number;
  /** Levels with their own conversion rate per categorical column (default 10; the rest are lumped). */
  maxLevels?: number;
}

/** The target's classes. */
export interface ClassBalance {
  column: string;
  positive: string | number;
  positives: number;
  negatives: number;
  /** Rows without a target value. */
  missing: number;
  /** positives / (positives + negatives). */
  rate: number;
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  role: ColumnSchema['role'];
  group?: ColumnSchema['group'];
  kindReason: string;
  missing: number;
  /** missing / rows. */
  missingRate: number;
  /** Distinct present values. */
  distinct: number;
  top: { value: ValueKey; count: number }[];
  numeric: NumericSummary | null;
  dateRange: { min: string; max: string } | null;
  /** Conversion by level (categorical and boolean columns, when there is a target). */
  levels: LevelRate[] | null;
  /** Conversion when missing vs filled (when something is missing and there is a target). */
  missingness: MissingnessRates | null;
  auc: ColumnAuc | null;
}

/** A plain, JSON-ready description of a table, for `formatProfile` and reports. */
export interface DatasetProfile {
  name: string;
  rows: number;
  columnCount: number;
  target: ClassBalance | null;
  columns: ColumnProfile[];
  leakage: LeakageSuspect[];
  pii: PiiSuspect[];
  /** Data-quality remarks: empty, constant, mostly missing or very high-cardinality columns. */
  notes: string[];
  settings: Required<ProfileOptions>;
}

/**
 * Profiles a leads table: size, class balance, and per column its kind, missing
 * values, distinct values, commonest values, numeric summary (nulls ignored),
 * conversion by level and by missingness, and single-column AUC; then ranks
 * leakage suspects and flags personal data. Deterministic for a seed.
 */
export function profileDataset(table: ColumnTable, config?: DatasetConfig, options: ProfileOptions = {}): DatasetProfile {
  const settings: Required<ProfileOptions> = {
    leakageThreshold: options.leakageThreshold ?? 0.8,
    folds: options.folds ?? 5,
    seed: options.seed ?? 0,
    topValues: options.topValues ?? 5,
    maxLevels: options.maxLevels ?? 10,
  };
  const t = materialize(table);
  const schema = inferSchema(t, config);
  const targetColumn = config && t.columnNames().includes(config.target.column) ? config.target.column : undefined;
  const scan = targetColumn ? scanTargetLabels(columnValues(t, targetColumn), config!.target) : undefined;
  const labels = scan && scan.positives > 0 && scan.negatives > 0 ? scan.labels : undefined;
  const columns = schema.columns.map((column) =>
    profileColumn(column, columnValues(t, column.name), column.name === targetColumn ? undefined : labels, settings),
  );
  const target: ClassBalance | null = scan
    ? {
        column: targetColumn!,
        positive: config!.target.positive,
        positives: scan.positives,
        negatives: scan.negatives,
        missing: scan.missingRows.length + scan.invalidRows.length,
        rate: scan.positives / Math.max(1, scan.positives + scan.negatives),
      }
    : null;
  const pii = findPiiSuspects(
    schema.columns.map((c) => ({ name: c.name, kind: c.kind, values: columnValues(t, c.name) })),
    config?.pii ?? [],
  );
  return {
    name: config?.name ?? 'table',
    rows: t.numRows(),
    columnCount: columns.length,
    target,
    columns,
    leakage: findLeakageSuspects(columns, settings.leakageThreshold),
    pii,
    notes: qualityNotes(columns, t.numRows()),
    settings,
  };
}

function profileColumn(
  column: ColumnSchema,
  values: ArrayLike<unknown>,
  labels: Int8Array | undefined,
  settings: Required<ProfileOptions>,
): ColumnProfile {
  const stats = columnStats(values);
  const categorical = column.kind === 'categorical' || column.kind === 'boolean';
  const profile: ColumnProfile = {
    name: column.name,
    kind: column.kind,
    role: column.role,
    kindReason: column.reason,
    missing: stats.missing,
    missingRate: stats.rows > 0 ? stats.missing / stats.rows : 0,
    distinct: stats.counts.size,
    top: topCounts(stats, settings.topValues),
    numeric: column.kind === 'numeric' ? numericSummary(values) : null,
    dateRange: column.kind === 'date' ? dateRange(stats.counts) : null,
    levels: labels && categorical ? levelRates(values, labels, settings.maxLevels) : null,
    missingness: labels && stats.missing > 0 ? missingnessRates(values, labels) : null,
    auc: labels && column.kind !== 'empty' ? singleColumnAuc(values, column.kind, labels, settings) : null,
  };
  if (column.group) profile.group = column.group;
  return profile;
}

/** Earliest and latest of the ISO dates (or Dates) among the keys. */
function dateRange(counts: Map<ValueKey, number>): { min: string; max: string } | null {
  let min: [number, string] | null = null;
  let max: [number, string] | null = null;
  for (const key of counts.keys()) {
    const text = String(key);
    const t = parseIsoDate(text.trim());
    if (Number.isNaN(t)) continue;
    if (!min || t < min[0]) min = [t, text];
    if (!max || t > max[0]) max = [t, text];
  }
  return min && max ? { min: min[1], max: max[1] } : null;
}

function qualityNotes(columns: readonly ColumnProfile[], rows: number): string[] {
  const notes: string[] = [];
  const names = (list: ColumnProfile[]): string => list.map((c) => `"${c.name}"`).join(', ');
  const empty = columns.filter((c) => c.kind === 'empty');
  const constant = columns.filter((c) => c.kind !== 'empty' && c.distinct === 1);
  const sparse = columns.filter((c) => c.kind !== 'empty' && c.missingRate >= 0.9);
  const wide = columns.filter((c) => c.kind === 'categorical' && c.distinct > Math.max(100, rows * 0.05));
  if (empty.length) notes.push(`every value missing: ${names(empty)}`);
  if (constant.length) notes.push(`a single value (no information): ${names(constant)}`);
  if (sparse.length) notes.push(`at least 90% missing: ${names(sparse)}`);
  if (wide.length) notes.push(`categorical with very many levels (group rare levels or encode by target): ${names(wide)}`);
  return notes;
}
