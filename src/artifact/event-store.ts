import { constants as bufferLimits } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { DataError } from '../core/errors.js';
import { createCsvParser } from '../data/csv/csv-parser.js';
import { type RecordSpans, spanField } from '../data/csv/csv-scanner.js';
import type { SharedEventRecords } from './event-records.js';
import { LeadKeys } from './lead-keys.js';

const INITIAL_BYTES = 1 << 20;
const INITIAL_RECORDS = 1 << 12;
const LF = 10;
const CR = 13;

/**
 * The records of an events file by lead id, kept outside the JavaScript heap so that a file of
 * millions of events costs the garbage collector a few typed arrays. A record is kept as its
 * delimited text (UTF-8, a line feed after it) when its fields are that text split at the
 * delimiter — most records: then they are the file's own bytes, read straight into the store —
 * and as a JSON list otherwise (quoted fields). Each lead's records are chained in file order.
 * The buffers are shared memory: `shared()` hands them to any thread, where `EventRecords`
 * reads a lead's chain from the record `firstRecord` names.
 */
export class EventStore {
  header: string[] = [];
  /** The file's delimiter (given or sniffed). */
  delimiter = ',';
  private text: Buffer;
  private used = 0;
  private lists: Buffer = sharedBytes(INITIAL_BYTES);
  private listsUsed = 0;
  private start: Float64Array;
  private end: Float64Array;
  private next: Int32Array;
  private records = 0;
  /** Each lead id's number, and by that number the lead's first and last records. */
  readonly leads = new LeadKeys();
  private readonly firstOf: number[] = [];
  private readonly lastOf: number[] = [];
  /** The number of the lead `firstRecord` found last (−1: none yet). */
  private found = -1;
  /** The lead of the latest record and that record. */
  private currentNumber = -1;
  private currentRecord = -1;

  /**
   * A store for a file of `fileBytes` bytes. `text` is a shared buffer that already holds the
   * records' text (the file read into it); without it the store makes one, sized for the file.
   */
  constructor(fileBytes: number, text?: Buffer) {
    this.text =
      text ??
      sharedBytes(Math.min(bufferLimits.MAX_LENGTH, Math.max(INITIAL_BYTES, fileBytes + Math.floor(fileBytes / 16) + 1024)));
    this.used = text ? text.length : 0;
    const records = Math.max(INITIAL_RECORDS, Math.ceil(fileBytes / 64));
    this.start = new Float64Array(new SharedArrayBuffer(8 * records));
    this.end = new Float64Array(new SharedArrayBuffer(8 * records));
    this.next = new Int32Array(new SharedArrayBuffer(4 * records));
  }

  /** Reads an events file with the CSV parser (see `readEventFile`); `leadIdColumn` joins its records to the leads. */
  static async parse(path: string, leadIdColumn: string): Promise<EventStore> {
    const store = new EventStore(statSync(path).size);
    let idColumn = -1;
    // Records are taken as spans of the parsed text: no string per field, no array per record.
    const parser = createCsvParser({
      file: path,
      onHeader: (names) => {
        store.header = names;
      },
      onRecordSpans: (record) => {
        if (idColumn < 0) idColumn = store.idColumn(leadIdColumn, path);
        store.addSpans(record, idColumn);
      },
    });
    for await (const chunk of createReadStream(path)) parser.push(chunk);
    parser.end();
    store.delimiter = parser.delimiter ?? ',';
    return store.done();
  }

  /** The lead id column's position; a DataError naming the columns when the file has none. */
  idColumn(leadIdColumn: string, path: string): number {
    const c = this.header.indexOf(leadIdColumn);
    if (c < 0)
      throw new DataError(`has no "${leadIdColumn}" column to join events to leads; columns: ${this.header.join(', ')}`, {
        file: path,
      });
    return c;
  }

  /** The lead's first record in `shared()`'s chains, −1 when it has none. */
  firstRecord(leadId: string): number {
    // Leads files often list leads in the order their events come: then the lead after the last
    // one found is the one asked for, and a comparison saves a lookup.
    let k = this.found + 1;
    if (!this.leads.is(k, leadId)) {
      k = this.leads.ofString(leadId);
      if (k < 0) return -1;
    }
    this.found = k;
    return this.firstOf[k];
  }

  /** The records as shared memory, for `EventRecords` in any thread. */
  shared(): SharedEventRecords {
    const { header, delimiter, text, lists, start, end, next } = this;
    return { header, delimiter, text, lists, start, end, next };
  }

  /**
   * Adds a record that the store's text holds at `[from, to)`, followed by a line feed unless
   * it ends the text (one carriage return before that line feed may end it: readers drop it).
   * `lead`: the lead's number in `leads`, −1 for the lead of the previous record.
   */
  addText(lead: number, from: number, to: number): void {
    const r = this.begin(lead);
    this.start[r] = from;
    this.end[r] = to;
  }

  /** Adds a record as a JSON list of its fields (`leadId`: the lead id, trimmed). */
  addList(leadId: string, fields: readonly string[]): void {
    const r = this.begin(this.leads.ofString(leadId, true));
    const json = JSON.stringify(fields);
    if (this.listsUsed + 3 * json.length > this.lists.length) {
      const grown = sharedBytes(Math.max(2 * this.lists.length, this.listsUsed + 3 * json.length));
      this.lists.copy(grown, 0, 0, this.listsUsed);
      this.lists = grown;
    }
    // Negative starts mark records in `lists` (see `SharedEventRecords`).
    this.start[r] = -1 - this.listsUsed;
    this.listsUsed += this.lists.write(json, this.listsUsed, 'utf8');
    this.end[r] = this.listsUsed;
  }

  /** Ends reading: the store is ready to share. */
  done(): this {
    this.lastOf.length = 0;
    return this;
  }

  /** Adds a parsed record: as its text when that splits back into its fields, else as a list. */
  private addSpans(record: RecordSpans, idColumn: number): void {
    const { text, spans, count } = record;
    const leadId = spanField(record, idColumn).trim();
    const line = isPlain(record) ? text.slice(spans[0], spans[2 * count - 1]) : null;
    // A line feed (a field of a file whose records end with a bare CR) or a last CR would not read back.
    if (line === null || line.indexOf('\n') >= 0 || line.charCodeAt(line.length - 1) === CR) {
      this.addList(
        leadId,
        Array.from({ length: count }, (_, j) => spanField(record, j)),
      );
      return;
    }
    if (this.used + 3 * line.length + 1 > this.text.length) {
      const grown = sharedBytes(Math.max(2 * this.text.length, this.used + 3 * line.length + 1));
      this.text.copy(grown, 0, 0, this.used);
      this.text = grown;
    }
    const from = this.used;
    this.used += this.text.write(line, from, 'utf8');
    this.addText(this.leads.ofString(leadId, true), from, this.used);
    this.text[this.used++] = LF;
  }

  /**
   * Starts a record of lead number k (−1: the previous record's), chained after its last one;
   * returns the record's number.
   */
  private begin(k: number): number {
    const r = this.records++;
    if (r === this.next.length) this.growRecords();
    this.next[r] = -1;
    if (k < 0 || k === this.currentNumber) {
      this.next[this.currentRecord] = r;
    } else {
      if (k === this.firstOf.length) {
        this.firstOf.push(r);
        this.lastOf.push(r);
      } else this.next[this.lastOf[k]] = r;
      this.currentNumber = k;
    }
    this.lastOf[this.currentNumber] = r;
    this.currentRecord = r;
    return r;
  }

  private growRecords(): void {
    const size = 2 * this.next.length;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (buffer: SharedArrayBuffer) => T): T => {
      const b = make(new SharedArrayBuffer(size * a.BYTES_PER_ELEMENT));
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (buffer) => new Float64Array(buffer));
    this.end = grow(this.end, (buffer) => new Float64Array(buffer));
    this.next = grow(this.next, (buffer) => new Int32Array(buffer));
  }
}

/** A Buffer over new shared memory. */
export function sharedBytes(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

const QUOTE = 34;

/** Whether no field of the record was quoted: the first does not follow a quote, each next one follows its delimiter. */
function isPlain({ text, spans, count }: RecordSpans): boolean {
  if (spans[0] < 0 || (spans[0] > 0 && text.charCodeAt(spans[0] - 1) === QUOTE)) return false;
  for (let j = 1; j < count; j++) if (spans[2 * j] !== spans[2 * j - 1] + 1) return false;
  return true;
}
