import type { ColumnTable } from 'arquero';
import { ConfigError, DataError } from '../../core/errors.js';
import { didYouMean, listNames } from '../closest-name.js';
import { columnValues, materialize } from '../column-values.js';
import { errorAtLine } from '../error-at-line.js';
import { parseIsoDate } from '../parse-iso-date.js';
import { COLUMN_LIST_FIELDS, type DatasetConfig, SINGLE_COLUMN_FIELDS } from './dataset-config.js';
import { scanTargetLabels } from './target-labels.js';

export interface ConfigMatchContext {
  /** The config file, named in `ConfigError`s. */
  configFile?: string;
  /** The leads file, named in `DataError`s. */
  dataFile?: string;
  /** Source line of each row of the table (from `loadTableSource`); otherwise row i is reported as line i + 2. */
  lines?: Int32Array;
  /** Events table to check the `events` column names against. */
  events?: ColumnTable;
  /** Accept rows whose target is missing (they are dropped later) instead of failing. */
  allowUnlabeled?: boolean;
}

/** Rows listed in a message before "…". */
const SHOWN_ROWS = 5;

/**
 * Checks a dataset config against the loaded leads (and events): every column the
 * config names exists (an unknown one is reported with the available columns and a
 * close match), the target holds readable labels, the positive value occurs and
 * both classes are present, ids are unique and dates parse.
 */
export function assertConfigMatchesTable(config: DatasetConfig, table: ColumnTable, context: ConfigMatchContext = {}): void {
  const leads = materialize(table);
  assertColumnsExist(namedColumns(config), leads.columnNames(), context.configFile, context.dataFile ?? 'the leads table');
  if (config.events && context.events) {
    const e = config.events;
    const named: [string, string][] = [
      ['events.leadId', e.leadId],
      ['events.time', e.time],
      ...(['url', 'title', 'channel', 'type', 'duration'] as const).flatMap((k): [string, string][] =>
        e[k] ? [[`events.${k}`, e[k]!]] : [],
      ),
    ];
    assertColumnsExist(named, context.events.columnNames(), context.configFile, e.path);
  }
  assertTarget(config, leads, context);
  if (config.id) assertUniqueIds(config.id, leads, context);
  for (const field of ['date', 'labelTime'] as const) {
    const column = config[field];
    if (column) assertDates(column, field, leads, context);
  }
}

/** Every (config field, column name) pair naming a leads column. */
function namedColumns(config: DatasetConfig): [string, string][] {
  const named: [string, string][] = [['target.column', config.target.column]];
  for (const field of SINGLE_COLUMN_FIELDS) {
    const column = config[field];
    if (column !== undefined) named.push([field, column]);
  }
  for (const field of COLUMN_LIST_FIELDS)
    config[field].forEach((column, i) => {
      named.push([`${field}[${i}]`, column]);
    });
  return named;
}

function assertColumnsExist(
  named: [string, string][],
  available: string[],
  configFile: string | undefined,
  dataFile: string,
): void {
  const unknown = named.filter(([, column]) => !available.includes(column));
  if (unknown.length === 0) return;
  const items = unknown.map(([field, column]) => `${field} "${column}"${didYouMean(column, available)}`);
  const message =
    `${unknown.length === 1 ? 'names a column' : `names ${unknown.length} columns`} that ${dataFile} does not have: ` +
    `${items.join('; ')}. Available columns: ${listNames(available)}`;
  throw new ConfigError(message, { ...(configFile ? { file: configFile } : {}), field: unknown[0][0] });
}

function assertTarget(config: DatasetConfig, leads: ColumnTable, context: ConfigMatchContext): void {
  const { column, positive } = config.target;
  const values = columnValues(leads, column);
  const scan = scanTargetLabels(values, config.target);
  const lineOf = (row: number): number => context.lines?.[row] ?? row + 2;
  const rowList = (rows: number[]): string =>
    rows
      .slice(0, SHOWN_ROWS)
      .map((r) => `line ${lineOf(r)} (${JSON.stringify(values[r])})`)
      .join(', ') + (rows.length > SHOWN_ROWS ? `, … ${rows.length - SHOWN_ROWS} more` : '');
  if (scan.invalidRows.length > 0) {
    const first = scan.invalidRows[0];
    throw errorAtLine(
      DataError,
      context.dataFile,
      lineOf(first),
      `target column "${column}" must hold numbers because target.positive is ${JSON.stringify(positive)}, but ` +
        `${scan.invalidRows.length} value${scan.invalidRows.length === 1 ? ' does' : 's do'} not: ${rowList(scan.invalidRows)}` +
        '; fix those rows or set target.positive to the text that means converted',
    );
  }
  if (scan.missingRows.length > 0 && !context.allowUnlabeled) {
    throw errorAtLine(
      DataError,
      context.dataFile,
      lineOf(scan.missingRows[0]),
      `target column "${column}" is missing on ${scan.missingRows.length} row${scan.missingRows.length === 1 ? '' : 's'}: ` +
        `${rowList(scan.missingRows)}; label or remove those leads (open leads cannot be used for training)`,
    );
  }
  const where = { ...(context.configFile ? { file: context.configFile } : {}), field: 'target.positive' };
  if (scan.positives === 0) {
    throw new ConfigError(
      `value ${JSON.stringify(positive)} never occurs in target column "${column}"; its values are ${topValues(values)}`,
      where,
    );
  }
  if (scan.negatives === 0) {
    throw new ConfigError(
      `every labelled row of "${column}" is ${JSON.stringify(positive)}; a classifier needs two classes`,
      where,
    );
  }
}

function assertUniqueIds(column: string, leads: ColumnTable, context: ConfigMatchContext): void {
  const values = columnValues(leads, column);
  const firstRow = new Map<unknown, number>();
  const lineOf = (row: number): number => context.lines?.[row] ?? row + 2;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      throw errorAtLine(
        DataError,
        context.dataFile,
        lineOf(i),
        `line ${lineOf(i)}: id column "${column}" is empty; every lead needs an id`,
      );
    }
    const previous = firstRow.get(v);
    if (previous !== undefined) {
      throw errorAtLine(
        DataError,
        context.dataFile,
        lineOf(i),
        `line ${lineOf(i)}: id ${JSON.stringify(v)} of column "${column}" was already used on line ${lineOf(previous)}; ids must be unique`,
      );
    }
    firstRow.set(v, i);
  }
}

function assertDates(column: string, field: string, leads: ColumnTable, context: ConfigMatchContext): void {
  const values = columnValues(leads, column);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v instanceof Date) continue;
    if (typeof v === 'string' && !Number.isNaN(parseIsoDate(v.trim()))) continue;
    const line = context.lines?.[i] ?? i + 2;
    throw errorAtLine(
      DataError,
      context.dataFile,
      line,
      `line ${line}: ${field} column "${column}" holds ${JSON.stringify(v)}, expected an ISO date such as 2024-03-05 or 2024-03-05T14:30:00Z`,
    );
  }
}

/** "\"0\" (5,679), \"1\" (3,561)" for the commonest values. */
function topValues(values: ArrayLike<unknown>): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const key = values[i] === null || values[i] === undefined ? '(missing)' : JSON.stringify(values[i]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([v, n]) => `${v} (${n.toLocaleString('en-US')})`)
    .join(', ');
}
