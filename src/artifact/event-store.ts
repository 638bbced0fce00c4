import { createReadStream, existsSync, statSync } from 'node:fs';
import { DataError } from '../core/errors.js';
import { createCsvParser } from '../data/csv/csv-parser.js';
import { type RecordSpans, spanField } from '../data/csv/csv-scanner.js';
import type { SharedEventRecords } from './event-records.js';
import { type EventPacking, PLAIN_RECORD, packRecord } from './lead-batch.js';

const INITIAL_BYTES = 1 << 20;
const INITIAL_RECORDS = 1 << 12;

/**
 * The records of an events file by lead id, kept outside the JavaScript heap so that a file of
 * millions of events costs the garbage collector a few typed arrays: each record packed as text
 * (see `EventPacking`; JSON when the file holds the bytes 0, 1 or 2) in one growing UTF-8 buffer,
 * followed by U+0001; each lead's records chained in file order. The buffers are shared memory:
 * `shared()` hands them to any thread, where `EventRecords` reads a lead's chain from the record
 * `firstRecord` names.
 */
export class EventStore {
  header: string[] = [];
  /** The file's delimiter (given or sniffed). */
  delimiter = ',';
  private text: Buffer;
  private used = 0;
  private start: Float64Array;
  private end: Float64Array;
  private next: Int32Array;
  private records = 0;
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  /** The lead of the latest record and that record (its entry in `last` is stale until the lead changes). */
  private currentLead: string | null = null;
  private currentRecord = -1;

  private constructor(
    readonly packing: EventPacking,
    fileBytes: number,
  ) {
    // Sized for the file (its text and two bytes a record): no regrowing while it is read.
    this.text = sharedBytes(Math.max(INITIAL_BYTES, fileBytes + (fileBytes >> 4) + 1024));
    const records = Math.max(INITIAL_RECORDS, Math.ceil(fileBytes / 64));
    this.start = new Float64Array(new SharedArrayBuffer(8 * records));
    this.end = new Float64Array(new SharedArrayBuffer(8 * records));
    this.next = new Int32Array(new SharedArrayBuffer(4 * records));
  }

  /** Reads an events file; `leadIdColumn` joins its records to the leads. */
  static async read(path: string, leadIdColumn: string): Promise<EventStore> {
    if (!existsSync(path)) throw new DataError('file not found', { file: path });
    return (await EventStore.readAs(path, leadIdColumn, 'joined')) ?? (await EventStore.readAs(path, leadIdColumn, 'json'))!;
  }

  /** Null when 'joined' packing meets the byte 0, 1 or 2 in the file (then the file is read again as JSON). */
  private static async readAs(path: string, leadIdColumn: string, packing: EventPacking): Promise<EventStore | null> {
    const store = new EventStore(packing, statSync(path).size);
    const watch = { control: false };
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
    for await (const chunk of createReadStream(path)) {
      if (!watch.control && (chunk.indexOf(0) >= 0 || chunk.indexOf(1) >= 0 || chunk.indexOf(2) >= 0)) {
        watch.control = true;
        if (packing === 'joined') return null;
      }
      parser.push(chunk);
    }
    parser.end();
    store.endLead();
    store.last.clear();
    store.delimiter = parser.delimiter ?? ',';
    return store;
  }

  /** The lead id column's position; a DataError naming the columns when the file has none. */
  private idColumn(leadIdColumn: string, path: string): number {
    const c = this.header.indexOf(leadIdColumn);
    if (c < 0)
      throw new DataError(`has no "${leadIdColumn}" column to join events to leads; columns: ${this.header.join(', ')}`, {
        file: path,
      });
    return c;
  }

  /** The lead's first record in `shared()`'s chains, −1 when it has none. */
  firstRecord(leadId: string): number {
    return this.first.get(leadId) ?? -1;
  }

  /** The records as shared memory, for `EventRecords` in any thread. */
  shared(): SharedEventRecords {
    const { header, delimiter, packing, text, start, end, next } = this;
    return { header, delimiter, packing, text, start, end, next };
  }

  /** Appends a parsed record: its fields (U+0000 between them, or a JSON list) and U+0001. */
  private addSpans(record: RecordSpans, idColumn: number): void {
    const { text, spans, count } = record;
    const r = this.begin(spanField(record, idColumn).trim());
    if (this.packing === 'json')
      this.write(
        packRecord(
          Array.from({ length: count }, (_, j) => spanField(record, j)),
          'json',
        ),
      );
    else if (isPlain(record)) {
      // No field was quoted: the record's own text holds them, one delimiter apart.
      this.reserve(1);
      this.text[this.used++] = PLAIN_RECORD;
      this.write(text.slice(spans[0], spans[2 * count - 1]));
    } else {
      for (let j = 0; j < count; j++) {
        if (j > 0) this.text[this.used++] = 0;
        this.write(spanField(record, j));
      }
    }
    this.end[r] = this.used;
    this.reserve(1);
    this.text[this.used++] = 1;
  }

  /**
   * Starts a record of the lead, chained after its last one; returns the record's number. A run of
   * records of one lead (events grouped by lead) is chained without looking the lead up.
   */
  private begin(leadId: string): number {
    const r = this.records++;
    if (r === this.next.length) this.growRecords();
    this.start[r] = this.used;
    this.next[r] = -1;
    if (leadId === this.currentLead) {
      this.next[this.currentRecord] = r;
      this.currentRecord = r;
      return r;
    }
    this.endLead();
    const previous = this.last.get(leadId);
    if (previous === undefined) this.first.set(leadId, r);
    else this.next[previous] = r;
    this.currentLead = leadId;
    this.currentRecord = r;
    return r;
  }

  /** Brings the current lead's entry in `last` up to date. */
  private endLead(): void {
    if (this.currentLead !== null) this.last.set(this.currentLead, this.currentRecord);
  }

  /** Writes text as UTF-8, with room for one more byte after it. */
  private write(text: string): void {
    this.reserve(3 * text.length + 1);
    this.used += this.text.write(text, this.used, 'utf8');
  }

  /** Makes room for `bytes` more bytes (a UTF-16 unit takes at most 3 in UTF-8). */
  private reserve(bytes: number): void {
    if (this.used + bytes > this.text.length) {
      const grown = sharedBytes(Math.max(2 * this.text.length, this.used + bytes));
      this.text.copy(grown, 0, 0, this.used);
      this.text = grown;
    }
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
function sharedBytes(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

const QUOTE = 34;

/** Whether no field of the record was quoted: the first does not follow a quote, each next one follows its delimiter. */
function isPlain({ text, spans, count }: RecordSpans): boolean {
  if (spans[0] < 0 || (spans[0] > 0 && text.charCodeAt(spans[0] - 1) === QUOTE)) return false;
  for (let j = 1; j < count; j++) if (spans[2 * j] !== spans[2 * j - 1] + 1) return false;
  return true;
}
