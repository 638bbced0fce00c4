import { DataError } from '../core/errors.js';
import type { CsvColumns } from './csv/parse-csv.js';
import type { StringColumn } from './csv/string-column-builder.js';
import { assertTextBytes, InvalidTextError, makeChunkDecoder } from './csv/text-decoding.js';
import { errorAtLine } from './error-at-line.js';

/**
 * Parses JSON lines (`.jsonl` / `.ndjson`): one JSON object per line, blank lines
 * skipped. Columns are the union of the keys in first-seen order; a key missing
 * from a line is null there. Values are kept as text, like CSV fields, so one type
 * detection serves both formats: numbers and booleans become their JSON text, nested
 * objects and arrays their JSON.
 */
export function parseJsonLines(input: string | Uint8Array, options: { file?: string } = {}): CsvColumns<StringColumn> {
  const text = typeof input === 'string' ? input : decode(input, options.file);
  const columns = new Map<string, (string | null)[]>();
  const lines: number[] = [];
  let lineNo = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const record = parseLine(line, lineNo, options.file);
    for (const [key, column] of columns) column.push(toText(record[key]));
    for (const key of Object.keys(record)) {
      if (columns.has(key)) continue;
      const column = new Array<string | null>(lines.length).fill(null);
      column.push(toText(record[key]));
      columns.set(key, column);
    }
    lines.push(lineNo);
  }
  if (lines.length === 0) {
    throw new DataError('the file is empty; expected one JSON object per line', options.file ? { file: options.file } : {});
  }
  return {
    header: [...columns.keys()],
    columns: [...columns.values()].map((values) => ({ length: values.length, values })),
    lines: Int32Array.from(lines),
    delimiter: '\n',
  };
}

function parseLine(line: string, lineNo: number, file: string | undefined): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '');
    throw errorAtLine(
      DataError,
      file,
      lineNo,
      `line ${lineNo} is not valid JSON (${reason}); each line must hold one JSON object`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw errorAtLine(DataError, file, lineNo, `line ${lineNo} holds ${kind}; each line must hold one JSON object`);
  }
  return value as Record<string, unknown>;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function decode(bytes: Uint8Array, file: string | undefined): string {
  assertTextBytes(bytes, file);
  const decoder = makeChunkDecoder('utf8');
  try {
    return decoder.write(bytes) + decoder.end();
  } catch (error) {
    if (error instanceof InvalidTextError) {
      throw new DataError('is not valid UTF-8 text; save it as UTF-8', file ? { file } : {});
    }
    throw error;
  }
}
