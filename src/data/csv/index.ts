export { type CsvBatch, type CsvBatchOptions, readCsvBatches } from './csv-batches.js';
export { CsvParser, type CsvParserOptions, createCsvParser } from './csv-parser.js';
export type { RecordSpans } from './csv-scanner.js';
export { type CsvColumns, type CsvInput, type ParseCsvOptions, parseCsv, parseCsvColumns } from './parse-csv.js';
export { CANDIDATE_DELIMITERS, type CsvDialect, sniffCsvDialect } from './sniff-csv-dialect.js';
export { type StringColumn, StringColumnBuilder, stringAt, toStringArray } from './string-column-builder.js';
export { assertTextBytes, type TextEncodingName } from './text-decoding.js';
