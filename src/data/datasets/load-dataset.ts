import { type ColumnTable, not } from 'arquero';
import { columnValues } from '../column-values.js';
import { loadTableSource } from '../load-table.js';
import { trimSpace } from '../missing-placeholders.js';
import { assertConfigMatchesTable } from './assert-config-matches-table.js';
import type { DatasetConfig } from './dataset-config.js';
import { type ResolveDatasetOptions, type ResolvedDataset, resolveDataset } from './resolve-dataset.js';
import { sampleLeadRows } from './sample-leads.js';
import { scanTargetLabels } from './target-labels.js';

export interface LoadDatasetOptions extends ResolveDatasetOptions {
  /** Keep a seeded stratified sample of this many leads (events and truth follow the sample). */
  sample?: number;
  /** Seed of the sample (default 0). */
  seed?: number;
  /** Load the events file when the config has one (default true). */
  events?: boolean;
  /** Rows without a target value: 'error' (default) or 'drop'. */
  unlabeled?: 'error' | 'drop';
}

/** A data set ready for profiling and feature engineering. */
export interface Dataset {
  name: string;
  config: DatasetConfig;
  /** One row per lead: placeholders are null, `caseFold` columns folded, `drop` columns gone, ids text. */
  leads: ColumnTable;
  /** Web / marketing events of those leads (lead ids as text). */
  events?: ColumnTable;
  /** True conversion probabilities of those leads (synthetic data only). */
  truth?: ColumnTable;
  /** 1-based line of each lead row in the leads file. */
  leadLines: Int32Array;
  files: ResolvedDataset;
}

/**
 * Loads a data set by preset name, config file, or data file plus config (see
 * `resolveDataset`): reads leads and events, checks the config against them, then
 * normalizes (placeholders, case folding, dropped columns, ids as text) and samples.
 */
export function loadDataset(ref: string, options: LoadDatasetOptions = {}): Dataset {
  const files = resolveDataset(ref, options);
  const { config } = files;
  const source = loadTableSource(files.leadsPath, { placeholders: config.placeholders });
  const wantEvents = (options.events ?? true) && files.eventsPath !== undefined && config.events !== undefined;
  let events = wantEvents ? loadTableSource(files.eventsPath!, { placeholders: config.placeholders }).table : undefined;
  assertConfigMatchesTable(config, source.table, {
    configFile: files.configFile ?? (files.preset ? `preset ${files.preset}` : undefined),
    dataFile: files.leadsPath,
    lines: source.lines,
    events,
    allowUnlabeled: options.unlabeled === 'drop',
  });
  let leads = normalizeLeads(source.table, config);
  let rows = labelledRows(leads, config);
  if (options.sample !== undefined) {
    const labels = scanTargetLabels(columnValues(leads, config.target.column), config.target).labels;
    const inSample = sampleLeadRows(
      rows.map((r) => labels[r]),
      options.sample,
      options.seed ?? 0,
    );
    rows = Array.from(inSample, (k) => rows[k]);
  }
  const subset = rows.length < leads.numRows();
  if (subset) leads = leads.reify(rows);
  const leadLines = subset ? Int32Array.from(rows, (r) => source.lines[r]) : source.lines;
  if (events) events = keepLeads(withTextColumn(events, config.events!.leadId), config.events!.leadId, leads, config, subset);
  let truth: ColumnTable | undefined;
  if (files.truthPath && config.truth) {
    const leadId = config.truth.leadId ?? config.id ?? 'lead_id';
    truth = keepLeads(withTextColumn(loadTableSource(files.truthPath).table, leadId), leadId, leads, config, subset);
  }
  return { name: config.name, config, leads, events, truth, leadLines, files };
}

/** Case folding, ids as text, dropped columns removed. */
function normalizeLeads(table: ColumnTable, config: DatasetConfig): ColumnTable {
  const replaced: Record<string, unknown[]> = {};
  for (const name of config.caseFold) {
    replaced[name] = Array.from(columnValues(table, name), (v) => (typeof v === 'string' ? trimSpace(v).toLowerCase() : v));
  }
  let out = Object.keys(replaced).length ? table.assign(replaced) : table;
  if (config.id) out = withTextColumn(out, config.id);
  return config.drop.length ? out.select(not(config.drop)) : out;
}

/** Rows with a target value (all rows unless unlabeled rows were allowed). */
function labelledRows(leads: ColumnTable, config: DatasetConfig): number[] {
  const labels = scanTargetLabels(columnValues(leads, config.target.column), config.target).labels;
  const rows: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) rows.push(i);
  return rows;
}

/** The table with `name` converted to text (numbers that are really ids). */
function withTextColumn(table: ColumnTable, name: string): ColumnTable {
  const values = columnValues(table, name);
  let numeric = false;
  for (let i = 0; i < values.length && !numeric; i++) numeric = typeof values[i] === 'number';
  if (!numeric) return table;
  return table.assign({ [name]: Array.from(values, (v) => (v === null || v === undefined ? null : String(v))) });
}

/** Rows of `table` whose lead id is one of the leads (only filtered when the leads are a subset). */
function keepLeads(table: ColumnTable, leadId: string, leads: ColumnTable, config: DatasetConfig, subset: boolean): ColumnTable {
  if (!subset || !config.id) return table;
  const ids = new Set(columnValues(leads, config.id) as ArrayLike<unknown> as unknown[]);
  const values = columnValues(table, leadId);
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) if (ids.has(values[i])) rows.push(i);
  return rows.length === table.numRows() ? table : table.reify(rows);
}
