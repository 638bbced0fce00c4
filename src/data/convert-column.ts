import type { StringColumn } from './csv/string-column-builder.js';
import { isIdentifierName } from './identifier-names.js';
import { type PlaceholderMatcher, trimSpace } from './missing-placeholders.js';
import { parseIsoDate } from './parse-iso-date.js';
import { parsePlainNumber } from './parse-plain-number.js';

/** Types a column can be forced to. */
export type ColumnTypeName = 'string' | 'number' | 'date';

/** A table cell after loading: missing is always null. */
export type CellValue = string | number | Date | null;

export interface ColumnConversion {
  name: string;
  isPlaceholder: PlaceholderMatcher;
  /** Remove surrounding whitespace from values. */
  trim: boolean;
  /** Lower-case (and trim) the values. */
  caseFold: boolean;
  /** Forced type; otherwise numbers are detected and dates kept as text unless `parseDates`. */
  type?: ColumnTypeName;
  parseNumbers: boolean;
  parseDates: boolean;
  decimalComma: boolean;
  /** Called with the row and raw value of the first value a forced type cannot read; must throw. */
  onInvalid: (row: number, value: string, type: ColumnTypeName) => never;
}

/**
 * Turns a loaded column of strings into table values: placeholders become null, then
 * the column becomes numbers when every remaining value is a plain decimal number and
 * neither the name nor the values say "identifier" (see `isIdentifierName`,
 * `parsePlainNumber`); ISO dates become `Date`s when asked. A dictionary-encoded column
 * is converted once per distinct value.
 */
export function convertColumn(column: StringColumn, conversion: ColumnConversion): CellValue[] {
  const distinct = column.values ?? column.dictionary!;
  // Errors name a row; in a dictionary column, the first row holding the bad value.
  const rowOf = (k: number): number => (column.values ? k : column.codes!.indexOf(k));
  const c: ColumnConversion = { ...conversion, onInvalid: (k, v, t) => conversion.onInvalid(rowOf(k), v, t) };
  const normalized = distinct.map((v) => normalizeValue(v, c));
  const type = c.type ?? inferType(normalized, c);
  let converted: CellValue[] = normalized;
  if (type === 'number') converted = toNumbers(normalized, c);
  else if (type === 'date') converted = toDates(normalized, c);
  if (column.values) return converted;
  const out = expand(converted, column.codes!, column.length);
  // Rows must not share one mutable Date object.
  if (type === 'date') for (let i = 0; i < out.length; i++) if (out[i] !== null) out[i] = new Date((out[i] as Date).getTime());
  return out;
}

function normalizeValue(value: string | null, conversion: ColumnConversion): string | null {
  if (value === null || conversion.isPlaceholder(value)) return null;
  if (conversion.caseFold) return trimSpace(value).toLowerCase();
  return conversion.trim ? trimSpace(value) : value;
}

function inferType(values: readonly (string | null)[], conversion: ColumnConversion): ColumnTypeName {
  let present = 0;
  if (conversion.parseNumbers && !isIdentifierName(conversion.name)) {
    let numeric = true;
    for (const v of values) {
      if (v === null) continue;
      present++;
      if (Number.isNaN(parsePlainNumber(trimSpace(v), conversion.decimalComma))) {
        numeric = false;
        break;
      }
    }
    if (numeric && present > 0) return 'number';
  }
  if (conversion.parseDates && values.some((v) => v !== null)) {
    if (values.every((v) => v === null || !Number.isNaN(parseIsoDate(trimSpace(v))))) return 'date';
  }
  return 'string';
}

function toNumbers(values: readonly (string | null)[], conversion: ColumnConversion): (number | null)[] {
  return values.map((v, k) => {
    if (v === null) return null;
    const text = trimSpace(v);
    let x = parsePlainNumber(text, conversion.decimalComma);
    // A forced number also reads what detection leaves as text: "007", "+5".
    if (Number.isNaN(x) && conversion.type === 'number' && text !== '') x = Number(text);
    if (!Number.isFinite(x)) conversion.onInvalid(k, v, 'number');
    return x;
  });
}

function toDates(values: readonly (string | null)[], conversion: ColumnConversion): (Date | null)[] {
  return values.map((v, k) => {
    if (v === null) return null;
    const t = parseIsoDate(trimSpace(v));
    if (Number.isNaN(t)) conversion.onInvalid(k, v, 'date');
    return new Date(t);
  });
}

function expand(values: readonly CellValue[], codes: Int32Array, length: number): CellValue[] {
  const out = new Array<CellValue>(length);
  for (let i = 0; i < length; i++) out[i] = values[codes[i]];
  return out;
}
