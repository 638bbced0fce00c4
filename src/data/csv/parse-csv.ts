import { type CsvParserOptions, createCsvParser } from './csv-parser.js';
import type { RecordSpans } from './csv-scanner.js';
import { type StringColumn, StringColumnBuilder, toStringArray } from './string-column-builder.js';

/** A parsed CSV held column by column, every value a string. */
export interface CsvColumns<C = string[]> {
  header: string[];
  /** One column per header name, one value per data record. */
  columns: C[];
  /** 1-based line on which each data record starts (records may span lines). */
  lines: Int32Array;
  delimiter: string;
}

export type ParseCsvOptions = Omit<CsvParserOptions, 'onRecord' | 'onRecordSpans' | 'onHeader' | 'header'>;

export type CsvInput = string | Uint8Array | Iterable<string | Uint8Array>;

/** Size of the pieces a byte input is fed to the streaming parser in. */
const CHUNK_BYTES = 1 << 22;

/**
 * Parses a whole CSV (a string, bytes, or an iterable of chunks) into string columns.
 * A convenience over `createCsvParser`; byte input is fed in 4 MB pieces, so a file
 * larger than the biggest string the engine can hold still parses.
 */
export function parseCsv(input: CsvInput, options: ParseCsvOptions = {}): CsvColumns {
  const parsed = parseCsvColumns(input, options);
  // CSV fields are never null; nulls only come from JSON lines.
  return { ...parsed, columns: parsed.columns.map((c) => toStringArray(c) as string[]) };
}

/** Like `parseCsv`, with columns dictionary-encoded where values repeat (see `StringColumnBuilder`). */
export function parseCsvColumns(input: CsvInput, options: ParseCsvOptions = {}): CsvColumns<StringColumn> {
  let builders: StringColumnBuilder[] = [];
  const lines = new LineList();
  const parser = createCsvParser({
    ...options,
    header: true,
    onHeader: (names) => {
      builders = names.map(() => new StringColumnBuilder());
    },
    onRecordSpans: (record: RecordSpans, line: number) => {
      const { text, spans, escaped } = record;
      for (let j = 0; j < builders.length; j++) {
        const start = spans[2 * j];
        if (start < 0) builders[j].addValue(escaped[spans[2 * j + 1]]);
        else builders[j].addSpan(text, start, spans[2 * j + 1]);
      }
      lines.push(line);
    },
  });
  feed(parser, input);
  parser.end();
  return {
    header: parser.header!,
    columns: builders.map((b) => b.finish()),
    lines: lines.toArray(),
    delimiter: parser.delimiter ?? ',',
  };
}

function feed(parser: { push(chunk: string | Uint8Array): void }, input: CsvInput): void {
  if (typeof input === 'string') parser.push(input);
  else if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += CHUNK_BYTES) parser.push(input.subarray(at, at + CHUNK_BYTES));
  } else for (const chunk of input) parser.push(chunk);
}

/** A growable list of line numbers. */
class LineList {
  private data = new Int32Array(1024);
  private count = 0;
  push(line: number): void {
    if (this.count === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = line;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.count);
  }
}
