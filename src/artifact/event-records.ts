/**
 * The event records of an events file, as shared memory that scoring workers read without a
 * copy. Record r is either text — `text[start[r], end[r])` in UTF-8, its fields joined by the
 * delimiter, possibly ended by one carriage return that is not part of it; a line feed
 * follows it unless it ends the text — or, when `start[r]` is negative, a JSON list of its
 * fields at `lists[−1 − start[r], end[r])`. `next[r]` is the lead's next record (−1: none).
 */
export interface SharedEventRecords {
  header: string[];
  delimiter: string;
  text: Uint8Array;
  lists: Uint8Array;
  start: Float64Array;
  end: Float64Array;
  next: Int32Array;
}

const CR = 13;

/** Reads a lead's records out of `SharedEventRecords` (in any thread). */
export class EventRecords {
  readonly header: string[];
  readonly delimiter: string;
  /** The shared memory as `SharedEventRecords` describes it (read by `EventCleaner` too). */
  readonly text: Buffer;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly next: Int32Array;
  private readonly lists: Buffer;

  constructor(shared: SharedEventRecords) {
    this.header = shared.header;
    this.delimiter = shared.delimiter;
    this.text = Buffer.from(shared.text.buffer, shared.text.byteOffset, shared.text.byteLength);
    this.lists = Buffer.from(shared.lists.buffer, shared.lists.byteOffset, shared.lists.byteLength);
    this.start = shared.start;
    this.end = shared.end;
    this.next = shared.next;
  }

  /**
   * The fields of each record chained from record `first`, in order (none for −1). A run of
   * text records that follow each other in the buffer, line feed between, decodes in one piece.
   */
  records(first: number): string[][] {
    const out: string[][] = [];
    const { start, end, next } = this;
    let r = first;
    while (r >= 0) {
      if (start[r] < 0) {
        out.push(this.list(r));
        r = next[r];
        continue;
      }
      let tail = r;
      while (next[tail] >= 0 && start[next[tail]] === end[tail] + 1) tail = next[tail];
      const run = this.text.toString('utf8', start[r], end[tail]);
      if (tail === r) out.push(this.fields(run));
      else for (const line of run.split('\n')) out.push(this.fields(line));
      r = next[tail];
    }
    return out;
  }

  /** The fields of record r, kept as a JSON list (`start[r]` < 0). */
  list(r: number): string[] {
    return JSON.parse(this.lists.toString('utf8', -1 - this.start[r], this.end[r])) as string[];
  }

  private fields(line: string): string[] {
    return (line.charCodeAt(line.length - 1) === CR ? line.slice(0, -1) : line).split(this.delimiter);
  }
}
