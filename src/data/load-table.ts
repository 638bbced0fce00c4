import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type ColumnTable, table } from 'arquero';
import { DataError } from '../core/errors.js';
import { didYouMean, listNames } from './closest-name.js';
import { type CellValue, type ColumnTypeName, convertColumn } from './convert-column.js';
import { type CsvColumns, parseCsvColumns } from './csv/parse-csv.js';
import type { StringColumn } from './csv/string-column-builder.js';
import type { TextEncodingName } from './csv/text-decoding.js';
import { errorAtLine } from './error-at-line.js';
import { DEFAULT_PLACEHOLDERS, makePlaceholderMatcher } from './missing-placeholders.js';
import { parseJsonLines } from './parse-json-lines.js';

export type TableFormat = 'csv' | 'jsonl';

export interface LoadTableOptions {
  /** 'csv' (default) or 'jsonl'; taken from the extension when omitted (.jsonl, .ndjson; a trailing .gz is looked through). */
  format?: TableFormat;
  /** CSV delimiter; sniffed (comma, semicolon, tab, pipe) when omitted. */
  delimiter?: string;
  /** Text encoding (default 'utf8'; 'latin1' for Windows-1252 exports). */
  encoding?: TextEncodingName;
  /** Values read as missing, compared trimmed and case-insensitively (default `DEFAULT_PLACEHOLDERS`). */
  placeholders?: readonly string[];
  /** Remove surrounding whitespace from values (default true). */
  trim?: boolean;
  /** Force column types: 'string' keeps text, 'number' fails on non-numbers, 'date' parses ISO dates into `Date`s. */
  types?: Readonly<Record<string, ColumnTypeName>>;
  /** Convert columns whose every value is a plain number (default true; identifier-like columns stay text). */
  parseNumbers?: boolean;
  /** Convert columns whose every value is an ISO date into `Date`s (default false: dates stay ISO strings). */
  parseDates?: boolean;
  /** Numbers use a decimal comma ("3,5"), as in many semicolon-separated exports (default false). */
  decimalComma?: boolean;
  /** Columns whose values are trimmed and lower-cased ("Google " and "google" become one level). */
  caseFold?: readonly string[];
}

/** A loaded table with what is needed to point at its source lines. */
export interface LoadedTable {
  table: ColumnTable;
  /** Absolute path of the file. */
  file: string;
  format: TableFormat;
  /** 1-based line on which each row starts in the file. */
  lines: Int32Array;
}

/**
 * Loads a CSV or JSON-lines file into an arquero table: missing placeholders become
 * null, numeric columns become numbers (identifiers, zip codes and phone numbers stay
 * text), everything else stays text. Errors are `DataError`s naming the file and line.
 */
export function loadTable(path: string, options: LoadTableOptions = {}): ColumnTable {
  return loadTableSource(path, options).table;
}

/** `loadTable`, also returning the source line of every row (for messages about rows). */
export function loadTableSource(path: string, options: LoadTableOptions = {}): LoadedTable {
  const file = resolve(path);
  const bytes = readBytes(path, file);
  const format = options.format ?? formatOf(file);
  const parsed: CsvColumns<StringColumn> =
    format === 'jsonl'
      ? parseJsonLines(bytes, { file: path })
      : parseCsvColumns(bytes, { file: path, delimiter: options.delimiter, encoding: options.encoding });
  assertKnownColumns(parsed.header, options, path);
  const isPlaceholder = makePlaceholderMatcher(options.placeholders ?? DEFAULT_PLACEHOLDERS);
  const caseFold = new Set(options.caseFold ?? []);
  const data: Record<string, CellValue[]> = {};
  parsed.header.forEach((name, j) => {
    data[name] = convertColumn(parsed.columns[j], {
      name,
      isPlaceholder,
      trim: options.trim ?? true,
      caseFold: caseFold.has(name),
      type: options.types?.[name],
      parseNumbers: options.parseNumbers ?? true,
      parseDates: options.parseDates ?? false,
      decimalComma: options.decimalComma ?? false,
      onInvalid: (row, value, type) => {
        const line = parsed.lines[row];
        throw errorAtLine(
          DataError,
          path,
          line,
          `line ${line}: column "${name}" holds ${JSON.stringify(value)}, which is not ${type === 'number' ? 'a number' : 'an ISO date (YYYY-MM-DD[Thh:mm[:ss]][Z])'} as its forced type requires`,
        );
      },
    });
  });
  return { table: table(data, parsed.header), file, format, lines: parsed.lines };
}

function readBytes(path: string, file: string): Uint8Array {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new DataError(`file not found (looked for ${file})`, { file: path });
  }
  if (!isFile) throw new DataError(`is a directory, expected a CSV or JSON-lines file`, { file: path });
  const bytes = readFileSync(file);
  if (!file.toLowerCase().endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new DataError(`cannot be decompressed as gzip: ${(error as Error).message}`, { file: path });
  }
}

function formatOf(file: string): TableFormat {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return name.endsWith('.jsonl') || name.endsWith('.ndjson') ? 'jsonl' : 'csv';
}

function assertKnownColumns(header: readonly string[], options: LoadTableOptions, path: string): void {
  const named: [string, string][] = [
    ...Object.keys(options.types ?? {}).map((c): [string, string] => ['types', c]),
    ...(options.caseFold ?? []).map((c): [string, string] => ['caseFold', c]),
  ];
  for (const [option, name] of named) {
    if (!header.includes(name)) {
      throw new DataError(
        `option ${option} names column "${name}", which is not in the file${didYouMean(name, header)}; columns: ${listNames(header)}`,
        { file: path },
      );
    }
  }
}
