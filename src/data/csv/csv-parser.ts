import { DataError } from '../../core/errors.js';
import { errorAtLine } from '../error-at-line.js';
import { assertHeaderNames } from './assert-header-names.js';
import { CsvScanner, type RecordSpans } from './csv-scanner.js';
import { sniffCsvDialect } from './sniff-csv-dialect.js';
import {
  assertTextBytes,
  assertTextString,
  type ChunkDecoder,
  InvalidTextError,
  makeChunkDecoder,
  type TextEncodingName,
} from './text-decoding.js';

export interface CsvParserOptions {
  /** Field delimiter (one character). Sniffed from the first lines when omitted. */
  delimiter?: string;
  /** The first record is a header: names are checked (non-empty, unique) and every later record must have as many fields. Default true. */
  header?: boolean;
  /** File name used in error messages. */
  file?: string;
  /** Encoding of byte chunks (default 'utf8'; 'latin1' reads Windows-1252 exports). */
  encoding?: TextEncodingName;
  /** Characters buffered before the delimiter is sniffed (default 65,536). */
  sniffChars?: number;
  /** Called once with the header names (when `header` is true). */
  onHeader?: (names: string[]) => void;
  /** Called for every data record with its fields and the 1-based line it starts on. */
  onRecord?: (fields: string[], line: number) => void;
  /**
   * Lower-level alternative to `onRecord`: the record as spans of the parsed text
   * (valid only during the call). Lets column builders avoid a string per field.
   */
  onRecordSpans?: (record: RecordSpans, line: number) => void;
}

/**
 * A chunk-fed RFC 4180 CSV parser: `push` strings or bytes as they arrive, `end` when
 * the input is done; complete records are handed to `onRecord` synchronously.
 *
 * Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and LF line
 * endings are both read (bare CR too, when the file has no LF at all); a UTF-8 BOM is
 * dropped; blank lines are skipped. Unquoted fields are found with `indexOf`, so a
 * record costs a few native string searches rather than a loop over its characters.
 *
 * Errors are `DataError`s naming the file and the 1-based line: a ragged record, an
 * unterminated quote, text after a closing quote, bytes that are not text.
 */
export class CsvParser {
  /** The delimiter in use (sniffed or given); undefined until enough input was seen. */
  delimiter: string | undefined;
  /** Header names, once the first record was read. */
  header: string[] | undefined;
  /** Number of data records delivered so far. */
  records = 0;

  private readonly options: CsvParserOptions;
  private readonly wantsHeader: boolean;
  private decoder: ChunkDecoder | undefined;
  private scanner: CsvScanner | undefined;
  private newlineChar = '\n';
  private pending = '';
  private line = 1;
  private started = false;
  private ended = false;
  private bytesSeen = 0;

  constructor(options: CsvParserOptions) {
    this.options = options;
    this.wantsHeader = options.header ?? true;
    const d = options.delimiter;
    if (d !== undefined && (d.length !== 1 || d === '"' || d === '\n' || d === '\r')) {
      throw new DataError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(d)}`);
    }
    this.delimiter = d;
  }

  /** Feeds the next piece of the input. */
  push(chunk: string | Uint8Array): void {
    if (this.ended) throw new DataError('CSV parser: push() after end()');
    let text = this.toText(chunk);
    if (!this.started) {
      if (text.length === 0) return;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    if (this.scanner === undefined) {
      this.pending = joinText(this.pending, text);
      if (this.pending.length >= (this.options.sniffChars ?? 65536)) this.pending = this.consume(this.pending, false, 0);
      return;
    }
    if (this.pending.length === 0) {
      this.pending = this.consume(text, false, 0);
      return;
    }
    // The previous chunk ended inside a record: finish it with this chunk's first line, then
    // parse the rest of the chunk in place instead of copying it onto the leftover.
    const cut = text.indexOf(this.newlineChar);
    if (cut === -1) {
      this.pending = joinText(this.pending, text);
      return;
    }
    const rest = this.consume(joinText(this.pending, text.slice(0, cut + 1)), false, 0);
    // A quoted field may still be open past that line break; then parse leftover and chunk together.
    this.pending =
      rest.length === 0 ? this.consume(text, false, cut + 1) : this.consume(joinText(rest, text.slice(cut + 1)), false, 0);
  }

  /** Signals the end of input: parses what is left and checks the file had a header. */
  end(): void {
    if (this.ended) return;
    let tail = this.decoder ? this.decodeSafely(() => this.decoder!.end()) : '';
    if (!this.started && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
    this.ended = true;
    this.pending = this.consume(joinText(this.pending, tail), true, 0);
    if (this.wantsHeader && this.header === undefined) {
      throw new DataError(
        'the file is empty; expected a header line with column names',
        this.options.file ? { file: this.options.file } : {},
      );
    }
  }

  private toText(chunk: string | Uint8Array): string {
    if (typeof chunk === 'string') {
      if (!this.started) assertTextString(chunk, this.options.file);
      return chunk;
    }
    if (this.bytesSeen < 1024) assertTextBytes(chunk, this.options.file, this.bytesSeen);
    this.bytesSeen += chunk.length;
    this.decoder ??= makeChunkDecoder(this.options.encoding ?? 'utf8');
    return this.decodeSafely(() => this.decoder!.write(chunk));
  }

  private decodeSafely(decode: () => string): string {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof InvalidTextError)) throw error;
      const early = this.bytesSeen <= 1024;
      throw errorAtLine(
        DataError,
        this.options.file,
        early ? undefined : this.line,
        (early ? 'does not look like a CSV text file' : `has bytes that are not valid UTF-8 text at or after line ${this.line}`) +
          ": it is not valid UTF-8; save it as UTF-8 CSV (or pass encoding: 'latin1' for a Windows / Latin-1 export)",
      );
    }
  }

  /** Parses every complete record of `text` from `start`; returns the unconsumed tail. */
  private consume(text: string, final: boolean, start: number): string {
    if (this.scanner === undefined) {
      const dialect = sniffCsvDialect(text, final);
      this.delimiter ??= dialect.delimiter;
      this.newlineChar = dialect.newline;
      this.scanner = new CsvScanner(this.delimiter, dialect.newline, this.options.file);
    }
    const scanner = this.scanner;
    scanner.reset(text, start, final);
    while (scanner.pos < text.length) {
      const recordStart = scanner.pos;
      const result = scanner.next(this.line);
      if (result === 'incomplete') return text.slice(recordStart);
      if (result === 'blank') {
        this.line++;
        continue;
      }
      const line = this.line;
      this.line += 1 + scanner.extraLines;
      this.emit(scanner, line);
    }
    return '';
  }

  private emit(record: CsvScanner, line: number): void {
    if (this.wantsHeader && this.header === undefined) {
      const names = Array.from({ length: record.count }, (_, j) => record.field(j));
      this.header = assertHeaderNames(names, this.options.file, line);
      this.options.onHeader?.(this.header);
      return;
    }
    if (this.wantsHeader && record.count !== this.header!.length) throw this.raggedError(record.count, line);
    this.records++;
    if (this.options.onRecordSpans) this.options.onRecordSpans(record, line);
    if (this.options.onRecord) {
      const fields = new Array<string>(record.count);
      for (let j = 0; j < record.count; j++) fields[j] = record.field(j);
      this.options.onRecord(fields, line);
    }
  }

  private raggedError(count: number, line: number): DataError {
    const expected = this.header!.length;
    const name = this.delimiter === '\t' ? 'tab' : `"${this.delimiter}"`;
    const hint =
      count > expected
        ? `; a value may contain the delimiter ${name} without being quoted`
        : '; a value may be missing, or a quoted field holds a stray quote';
    return errorAtLine(
      DataError,
      this.options.file,
      line,
      `line ${line} has ${count} field${count === 1 ? '' : 's'}, expected ${expected} (header)${hint}`,
    );
  }
}

/** Creates a streaming CSV parser; see `CsvParser`. */
export function createCsvParser(options: CsvParserOptions): CsvParser {
  return new CsvParser(options);
}

/** Concatenates into a flat string: `a + b` builds a rope, on which every charCodeAt takes a slow path. */
function joinText(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [a, b].join('');
}
