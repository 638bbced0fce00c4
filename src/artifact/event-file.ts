import { constants as bufferLimits, isUtf8 } from 'node:buffer';
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { DataError } from '../core/errors.js';
import { assertHeaderNames } from '../data/csv/assert-header-names.js';
import { CsvScanner } from '../data/csv/csv-scanner.js';
import { sniffCsvDialect } from '../data/csv/sniff-csv-dialect.js';
import { assertTextBytes, InvalidTextError, makeChunkDecoder } from '../data/csv/text-decoding.js';
import { EventStore, sharedBytes } from './event-store.js';
import { type LineScanResult, ScanStop, WasmLineScan } from './wasm-line-scan.js';

/** The largest events file read: the store's buffer holds it whole. */
const MAX_EVENT_BYTES = bufferLimits.MAX_LENGTH - 1;

/** Bytes read at a time (`pieceBytes`); the next piece is read while this one is scanned. */
const PIECE_BYTES = 16 << 20;
/** Bytes the WebAssembly line scan holds at a time (`windowBytes`). */
const WINDOW_BYTES = 16 << 20;
/** The CSV parser's sniffing: file chunks of 64 KiB are decoded until this many characters are held. */
const SNIFF_CHUNK_BYTES = 1 << 16;
const SNIFF_CHARS = 1 << 16;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Reads an events file; `leadIdColumn` joins its records to the leads. The file's bytes are
 * scanned directly (`scanEventFile`); a file that scan leaves alone — another line ending,
 * bytes that are not UTF-8, a record the CSV parser would refuse — is read by the CSV parser,
 * which gives the same records or names the problem with its line.
 */
export async function readEventFile(path: string, leadIdColumn: string): Promise<EventStore> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new DataError('file not found', { file: path });
  const size = stat.size;
  if (size >= MAX_EVENT_BYTES)
    throw new DataError(
      `is ${(size / 2 ** 30).toFixed(1)} GiB; an events file is held in memory and can have up to ${Math.floor(bufferLimits.MAX_LENGTH / 2 ** 30)} GiB: split the leads and their events into smaller files`,
      { file: path },
    );
  // A pipe or a device is read once, by the parser.
  const scanned = stat.isFile() ? await scanEventFile(path, leadIdColumn) : null;
  return scanned ?? (await EventStore.parse(path, leadIdColumn));
}

/**
 * Reads an events file into an `EventStore` from its bytes: the file is read into the store's
 * shared buffer, and each line without a quote is a record in place — its fields are found by
 * one pass over its bytes, its lead id looked up by its bytes only when they change — so the text is neither
 * decoded nor copied. That pass runs in WebAssembly (`WasmLineScan`, a window of `windowBytes`
 * at a time) when the kernel is built and `windowBytes` is not 0, else in TypeScript; the records
 * are the same. A line with a quote is read by the CSV parser's own scanner and kept as a JSON
 * list. The records are those the CSV parser reads (same header checks, sniffed
 * delimiter, UTF-8 BOM, CRLF or LF, blank lines skipped).
 *
 * Null, and nothing kept, for a file the scan leaves to the CSV parser: one it would refuse
 * (bytes that are not UTF-8, a ragged record, a bad header, a broken quote — the parser then
 * names the line), one whose lines end in bare CRs, one without the lead id column, or a file
 * that grows while it is read.
 */
export async function scanEventFile(
  path: string,
  leadIdColumn: string,
  pieceBytes = PIECE_BYTES,
  windowBytes = WINDOW_BYTES,
): Promise<EventStore | null> {
  const file = await open(path, 'r');
  // The read under way: the file is closed only once it is done.
  let reading: Promise<number> = Promise.resolve(0);
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return null;
    const size = stat.size;
    // One byte more than the file: reading it means the file grew.
    const bytes = sharedBytes(size + 1);
    const read = (at: number): Promise<number> =>
      file.read(bytes, at, Math.min(pieceBytes, bytes.length - at), at).then((r) => r.bytesRead);
    let filled = 0;
    let scan: LineScan | null = null;
    reading = read(0);
    for (;;) {
      const n = await reading;
      filled += n;
      if (filled > size) return null;
      const final = n === 0;
      if (!final) reading = read(filled);
      scan ??= LineScan.start(bytes, filled, final, path, leadIdColumn, windowBytes);
      if (scan === null) {
        if (final) return null;
        continue;
      }
      if (!scan.advance(filled, final)) return null;
      if (final) break;
    }
    if (!isUtf8(bytes.subarray(0, filled))) return null;
    return scan.store.done();
  } catch (error) {
    if (error instanceof DataError || error instanceof InvalidTextError || error instanceof NotScanned) return null;
    throw error;
  } finally {
    await reading.catch(() => 0);
    await file.close();
  }
}

/** Thrown when the scan leaves the file to the CSV parser. */
class NotScanned extends Error {}

/** The records of a file's bytes, line by line, into a store that holds those bytes. */
class LineScan {
  readonly store: EventStore;
  /** The previous text record's lead number and where its id's bytes are (−1: look the next one up). */
  private lead = -1;
  private idFrom = -1;
  private idTo = -1;
  private readonly delimiter: number;
  /** The line loop in WebAssembly, when built (else null: the loop below). */
  private readonly kernel: WasmLineScan | null;

  private constructor(
    private readonly bytes: Buffer,
    delimiter: string,
    private readonly scanner: CsvScanner,
    header: string[],
    private readonly idColumn: number,
    /** Where the next record starts. */
    private pos: number,
    windowBytes: number,
  ) {
    this.kernel = windowBytes > 0 ? WasmLineScan.create(Math.min(windowBytes, bytes.length)) : null;
    this.store = new EventStore(bytes.length, bytes);
    this.store.header = header;
    this.store.delimiter = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Sniffs the dialect and reads the header from the first `filled` bytes, as the CSV parser
   * does; null when they are too few to tell (more will come). Throws `NotScanned` (or the
   * parser's DataError) for a file left to the parser.
   */
  static start(
    bytes: Buffer,
    filled: number,
    final: boolean,
    path: string,
    leadIdColumn: string,
    windowBytes: number,
  ): LineScan | null {
    assertTextBytes(bytes.subarray(0, Math.min(filled, 1024)), path);
    const sample = sniffSample(bytes, filled, final);
    if (sample === null) return null;
    const dialect = sniffCsvDialect(sample.text, sample.complete);
    if (dialect.newline !== '\n') throw new NotScanned();
    const scanner = new CsvScanner(dialect.delimiter, '\n', path);
    let pos = filled >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (pos < filled && (bytes[pos] === LF || (bytes[pos] === CR && bytes[pos + 1] === LF))) pos += bytes[pos] === LF ? 1 : 2;
    const first = readRecord(bytes, scanner, pos, filled, final);
    if (first === null) return null;
    const header = assertHeaderNames(first.fields, path, 1);
    const idColumn = header.indexOf(leadIdColumn);
    if (idColumn < 0) throw new NotScanned();
    return new LineScan(bytes, dialect.delimiter, scanner, header, idColumn, first.next, windowBytes);
  }

  /**
   * Reads the records that end within the first `filled` bytes (all of them when `final`);
   * false when the file is left to the CSV parser.
   */
  advance(filled: number, final: boolean): boolean {
    const { bytes, idColumn, store } = this;
    // A view that ends at `filled`: searches stop there.
    const view = bytes.subarray(0, filled);
    const delimiter = this.delimiter;
    const width = store.header.length;
    let pos = this.pos;
    // The next quote at or after `pos` (`filled`: none).
    let quote = -1;
    while (pos < filled) {
      if (this.kernel) {
        const scan = this.kernel.scan(bytes, pos, filled, final, delimiter, width, idColumn);
        this.addScanned(scan);
        pos = scan.next;
        if (scan.stop === ScanStop.RAGGED) return false;
        if (scan.stop === ScanStop.MORE) break;
        // A quoted line, or a line longer than the kernel's window, is read below.
        if (scan.stop !== ScanStop.QUOTE && scan.stop !== ScanStop.LONG) continue;
      }
      let lf = view.indexOf(LF, pos);
      if (lf < 0) {
        if (!final) break;
        lf = filled;
      }
      if (lf === pos || (lf === pos + 1 && bytes[pos] === CR)) {
        pos = lf + 1;
        continue;
      }
      if (quote < pos) {
        quote = view.indexOf(QUOTE, pos);
        if (quote < 0) quote = filled;
      }
      if (quote < lf) {
        const record = readRecord(bytes, this.scanner, pos, filled, final);
        if (record === null) break;
        if (record.fields.length !== width) return false;
        store.addList(record.fields[idColumn].trim(), record.fields);
        // The next text record looks its id up.
        this.idFrom = -1;
        pos = record.next;
        continue;
      }
      // The line's delimiters, counted in one pass that notes the id field's ends.
      let i = pos;
      let count = 1;
      while (count <= idColumn && i < lf) if (bytes[i++] === delimiter) count++;
      const idFrom = i;
      while (i < lf && bytes[i] !== delimiter) i++;
      const idTo = i;
      for (; i < lf; i++) if (bytes[i] === delimiter) count++;
      if (count !== width) return false;
      store.addText(this.sameLead(idFrom, idTo) ? -1 : this.lead, pos, lf);
      pos = lf + 1;
    }
    this.pos = pos;
    return true;
  }

  /** Adds the records the kernel listed. */
  private addScanned({ count, shift }: LineScanResult): void {
    const { store } = this;
    const records = this.kernel!.records;
    for (let k = 0; k < 4 * count; k += 4) {
      const from = records[k] + shift;
      const to = records[k + 1] + shift;
      const idFrom = records[k + 2];
      const same = idFrom < 0 || this.sameLead(idFrom + shift, records[k + 3] + shift);
      store.addText(same ? -1 : this.lead, from, to);
    }
  }

  /** Whether the id at `[from, to)` has the previous text record's bytes; otherwise `lead` becomes its number. */
  private sameLead(from: number, to: number): boolean {
    const { bytes, idFrom } = this;
    const length = to - from;
    let same = idFrom >= 0 && this.idTo - idFrom === length;
    for (let k = 0; same && k < length; k++) same = bytes[idFrom + k] === bytes[from + k];
    this.idFrom = from;
    this.idTo = to;
    if (!same) this.lead = this.store.leads.ofBytes(bytes, from, to);
    return same;
  }
}

/**
 * The record at `pos` read by the CSV parser's scanner: its fields and where the next record
 * starts; null when it may go on past `filled` (more input will come).
 */
function readRecord(
  bytes: Buffer,
  scanner: CsvScanner,
  pos: number,
  filled: number,
  final: boolean,
): { fields: string[]; next: number } | null {
  // Most records end at their line's end; a quoted line break needs more.
  const lf = bytes.subarray(0, filled).indexOf(LF, pos);
  let to = lf < 0 ? filled : lf + 1;
  for (;;) {
    const text = bytes.toString('utf8', pos, to);
    scanner.reset(text, 0, final && to === filled);
    const result = scanner.next(1);
    if (result === 'record') {
      const fields = Array.from({ length: scanner.count }, (_, j) => scanner.field(j));
      return { fields, next: pos + Buffer.byteLength(text.slice(0, scanner.pos), 'utf8') };
    }
    if (result === 'blank') throw new NotScanned();
    if (to === filled) return null;
    to = Math.min(filled, pos + 2 * (to - pos));
  }
}

/**
 * The text the CSV parser sniffs the dialect from: 64 KiB chunks of the file decoded (a
 * leading BOM dropped) until 65,536 characters are held, or the whole file. Null when the
 * first `filled` bytes do not reach that far and more will come.
 */
function sniffSample(bytes: Buffer, filled: number, final: boolean): { text: string; complete: boolean } | null {
  const decoder = makeChunkDecoder('utf8');
  let text = '';
  let started = false;
  for (let at = 0; at < filled; at += SNIFF_CHUNK_BYTES) {
    if (at + SNIFF_CHUNK_BYTES > filled && !final) return null;
    let piece = decoder.write(bytes.subarray(at, Math.min(filled, at + SNIFF_CHUNK_BYTES)));
    if (!started) {
      if (piece.length === 0) continue;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      started = true;
    }
    text += piece;
    if (text.length >= SNIFF_CHARS) return { text, complete: false };
  }
  if (!final) return null;
  return { text: text + decoder.end(), complete: true };
}
