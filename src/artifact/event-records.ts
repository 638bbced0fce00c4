import { type EventPacking, RECORD_SEPARATOR } from './lead-batch.js';

/**
 * The event records of an events file, as shared memory that scoring workers read without a
 * copy: each record packed as text (see `EventPacking`) in one UTF-8 buffer, followed by U+0001,
 * and each lead's records chained in file order from its first record.
 */
export interface SharedEventRecords {
  header: string[];
  delimiter: string;
  packing: EventPacking;
  text: Uint8Array;
  start: Float64Array;
  end: Float64Array;
  next: Int32Array;
}

/** Reads a lead's records out of `SharedEventRecords` (in any thread). */
export class EventRecords {
  readonly header: string[];
  readonly delimiter: string;
  readonly packing: EventPacking;
  private readonly text: Buffer;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly next: Int32Array;

  constructor(shared: SharedEventRecords) {
    this.header = shared.header;
    this.delimiter = shared.delimiter;
    this.packing = shared.packing;
    this.text = Buffer.from(shared.text.buffer, shared.text.byteOffset, shared.text.byteLength);
    this.start = shared.start;
    this.end = shared.end;
    this.next = shared.next;
  }

  /**
   * The records chained from record `first` joined by U+0001 (see `unpackEvents`), null for −1.
   * A run of records adjacent in the buffer decodes in one piece, separators included.
   */
  packed(first: number): string | null {
    if (first < 0) return null;
    const parts: string[] = [];
    let r = first;
    while (r >= 0) {
      let tail = r;
      while (this.next[tail] >= 0 && this.start[this.next[tail]] === this.end[tail] + 1) tail = this.next[tail];
      parts.push(this.text.toString('utf8', this.start[r], this.end[tail]));
      r = this.next[tail];
    }
    return parts.length === 1 ? parts[0] : parts.join(RECORD_SEPARATOR);
  }
}
