import { type CsvParserOptions, createCsvParser } from './csv-parser.js';

/** A batch of data records from a CSV stream. */
export interface CsvBatch {
  header: string[];
  /** Records in file order, each with one string per header column. */
  rows: string[][];
  /** 1-based line each record starts on. */
  lines: number[];
}

export interface CsvBatchOptions extends Omit<CsvParserOptions, 'onRecord' | 'onHeader' | 'header'> {
  /** Records per batch (default 10,000); the last batch may be smaller. */
  batchSize?: number;
}

/**
 * Reads a CSV from any async source of chunks (a `fs.createReadStream`, a web
 * `ReadableStream`, an HTTP request body) and yields batches of records, holding at
 * most one batch plus one chunk in memory. Errors carry file and line as in
 * `createCsvParser`.
 */
export async function* readCsvBatches(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvBatchOptions = {},
): AsyncGenerator<CsvBatch> {
  const batchSize = options.batchSize ?? 10_000;
  let rows: string[][] = [];
  let lines: number[] = [];
  const parser = createCsvParser({
    ...options,
    header: true,
    onRecord(fields, line) {
      rows.push(fields);
      lines.push(line);
    },
  });
  const drain = function* (all: boolean): Generator<CsvBatch> {
    while (rows.length >= batchSize || (all && rows.length > 0)) {
      const take = Math.min(batchSize, rows.length);
      yield { header: parser.header!, rows: rows.slice(0, take), lines: lines.slice(0, take) };
      rows = rows.slice(take);
      lines = lines.slice(take);
    }
  };
  for await (const chunk of source) {
    parser.push(chunk);
    yield* drain(false);
  }
  parser.end();
  yield* drain(true);
}
