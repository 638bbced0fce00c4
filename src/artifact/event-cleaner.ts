import { cleanEvent, type EventColumns, type LeadEvent } from '../features/event-log.js';
import { cleanNumber, cleanText, cleanTime, isTrimmedAsciiSpace, utcMilliseconds } from '../features/normalize-value.js';
import type { EventRecords } from './event-records.js';

const CR = 13;
/** Most distinct values of a column kept lower-cased by their bytes. */
const KNOWN_LIMIT = 256;

/** A field's place in a record: `[from, to)` in the text, and whether a byte is outside ASCII. */
interface FieldBounds {
  from: Int32Array;
  to: Int32Array;
  wide: Uint8Array;
}

/**
 * Cleans a lead's event records straight from the events file's bytes into the touchpoints the
 * feature pipeline reads: the same `LeadEvent`s, in the same time order, as `cleanLeadEvents`
 * makes from the records' fields — without a string per field or an object per record. A time
 * is read from its digits when it has the usual "YYYY-MM-DDTHH:MM:SSZ" form, a duration when it
 * is plain digits, a lower-cased channel or type is looked up by its bytes; any field that is
 * not plain ASCII, has spaces around it or another form is cleaned from its text as before.
 * A record kept as a JSON list (it had quoted fields) is cleaned from its fields' text. Null for
 * a lead with an event without a readable time: the caller reads that lead's records as objects,
 * and the validator names the problem.
 */
export class EventCleaner {
  private readonly records: EventRecords;
  private readonly columns: EventColumns;
  private readonly placeholders: ReadonlySet<string>;
  /** Each event column's position in the file's header (−1: not there, or not read). */
  private readonly time: number;
  private readonly url: number;
  private readonly title: number;
  private readonly channel: number;
  private readonly type: number;
  private readonly duration: number;
  /** Fields of a record that are read: up to the last column needed. */
  private readonly width: number;
  private readonly delimiter: number;
  private readonly bounds: FieldBounds;
  /** The longest placeholder: shorter text may be one. */
  private readonly longest: number;
  /** Whether some placeholder is all digits (then a short duration is checked as text). */
  private readonly digitPlaceholder: boolean;
  /** Lower-cased channels and types (null: a placeholder) by their lower-cased bytes. */
  private readonly known = new Map<number, { bytes: Uint8Array; value: string | null }[]>();
  private knownCount = 0;

  constructor(records: EventRecords, columns: EventColumns, placeholders: ReadonlySet<string>) {
    this.records = records;
    this.columns = columns;
    this.placeholders = placeholders;
    const at = (column: string | undefined): number => (column === undefined ? -1 : records.header.indexOf(column));
    this.time = at(columns.time);
    this.url = at(columns.url);
    this.title = at(columns.title);
    this.channel = at(columns.channel);
    this.type = at(columns.type);
    this.duration = at(columns.duration);
    this.width = Math.max(this.time, this.url, this.title, this.channel, this.type, this.duration) + 1;
    this.delimiter = records.delimiter.charCodeAt(0);
    this.bounds = { from: new Int32Array(this.width), to: new Int32Array(this.width), wide: new Uint8Array(this.width) };
    this.longest = Math.max(0, ...[...placeholders].map((p) => p.length));
    this.digitPlaceholder = [...placeholders].some((p) => /^[0-9]+$/.test(p));
  }

  /** The touchpoints of the records chained from `first` (none for −1), in time order; null when one is not read here. */
  clean(first: number): LeadEvent[] | null {
    const events: LeadEvent[] = [];
    const { start, next } = this.records;
    for (let r = first; r >= 0; r = next[r]) {
      const event = start[r] < 0 ? this.listed(this.records.list(r)) : this.event(r);
      if (event === null) return null;
      events.push(event);
    }
    events.sort((a, b) => a.t - b.t);
    return events;
  }

  /** Record r as `cleanEvent` makes it from its fields; null when its time is not read here. */
  private event(r: number): LeadEvent | null {
    if (this.time < 0) return null;
    const { text, start, end } = this.records;
    const { from, to, wide } = this.bounds;
    let e = end[r];
    if (e > start[r] && text[e - 1] === CR) e--;
    // The needed fields' bounds, in one pass over the record's bytes.
    const delimiter = this.delimiter;
    const width = this.width;
    let f = 0;
    let fieldStart = start[r];
    let high = 0;
    for (let i = fieldStart; f < width; i++) {
      const c = i < e ? text[i] : delimiter;
      if (c === delimiter) {
        from[f] = fieldStart;
        to[f] = i;
        wide[f] = high & 0x80 ? 1 : 0;
        f++;
        fieldStart = i + 1;
        high = 0;
        if (i >= e) break;
      } else high |= c;
    }
    // Every record has a field for each column of the header; a shorter one is left to the caller.
    if (f < width) return null;
    const t = this.timeAt(this.time);
    if (t === null) return null;
    return {
      t,
      channel: this.channel >= 0 ? this.lowered(this.channel) : null,
      url: this.url >= 0 ? this.textAt(this.url) : null,
      title: this.title >= 0 ? this.textAt(this.title) : null,
      type: this.type >= 0 ? this.lowered(this.type) : null,
      duration: this.duration >= 0 ? this.durationAt(this.duration) : 0,
    };
  }

  /** A record kept as a JSON list of its fields, cleaned by `cleanEvent`; null when its time is not readable. */
  private listed(fields: readonly string[]): LeadEvent | null {
    const header = this.records.header;
    return cleanEvent((column) => fields[header.indexOf(column)], this.columns, this.placeholders);
  }

  /** The field's text as it is in the file. */
  private field(k: number): string {
    return this.records.text.toString('utf8', this.bounds.from[k], this.bounds.to[k]);
  }

  /** Whether the field may need trimming: a first or last byte that is ASCII white space. */
  private padded(k: number): boolean {
    const { from, to } = this.bounds;
    if (from[k] === to[k]) return false;
    const text = this.records.text;
    return isTrimmedAsciiSpace(text[from[k]]) || isTrimmedAsciiSpace(text[to[k] - 1]);
  }

  /** Milliseconds of the time field, as `cleanTime` reads it; null when unreadable or missing. */
  private timeAt(k: number): number | null {
    const { from, to } = this.bounds;
    const t = to[k] - from[k] === 20 && this.longest < 20 ? utcSecondAt(this.records.text, from[k]) : Number.NaN;
    if (!Number.isNaN(t)) return t;
    const slow = cleanTime(this.field(k), this.placeholders);
    return slow === null || Number.isNaN(slow) ? null : slow;
  }

  /** Seconds of the duration field, as `cleanEvent` keeps them (0 when missing, unreadable or not positive). */
  private durationAt(k: number): number {
    const { from, to } = this.bounds;
    const text = this.records.text;
    const n = to[k] - from[k];
    let value = 0;
    let digits = true;
    for (let i = from[k]; i < to[k] && digits; i++) {
      const d = text[i] - 48;
      if (d < 0 || d > 9) digits = false;
      else value = value * 10 + d;
    }
    // Plain digits without a leading zero, short enough to be exact (what parsePlainNumber reads), and no placeholder.
    if (digits && n > 0 && n <= 15 && !(n > 1 && text[from[k]] === 48) && !(this.digitPlaceholder && n <= this.longest))
      return value;
    const slow = cleanNumber(this.field(k), this.placeholders);
    return slow !== null && Number.isFinite(slow) && slow > 0 ? slow : 0;
  }

  /** A case-kept text field as `cleanText` cleans it. */
  private textAt(k: number): string | null {
    const { from, to, wide } = this.bounds;
    if (wide[k] || this.padded(k) || to[k] - from[k] <= this.longest) return cleanText(this.field(k), false, this.placeholders);
    return this.records.text.toString('latin1', from[k], to[k]);
  }

  /** A lower-cased text field (channel, type) as `cleanText` cleans it, looked up by its bytes. */
  private lowered(k: number): string | null {
    const { from, to, wide } = this.bounds;
    if (wide[k] || this.padded(k)) return cleanText(this.field(k), true, this.placeholders);
    const text = this.records.text;
    const n = to[k] - from[k];
    let hash = n;
    for (let i = from[k]; i < to[k]; i++) hash = (Math.imul(hash, 31) + lower(text[i])) | 0;
    const bucket = this.known.get(hash);
    if (bucket) {
      for (const entry of bucket) {
        const bytes = entry.bytes;
        if (bytes.length !== n) continue;
        let j = 0;
        while (j < n && bytes[j] === lower(text[from[k] + j])) j++;
        if (j === n) return entry.value;
      }
    }
    const value = cleanText(this.field(k), true, this.placeholders);
    if (this.knownCount < KNOWN_LIMIT) {
      const bytes = Uint8Array.from(text.subarray(from[k], to[k]), lower);
      if (bucket) bucket.push({ bytes, value });
      else this.known.set(hash, [{ bytes, value }]);
      this.knownCount++;
    }
    return value;
  }
}

/** An ASCII letter lower-cased (other bytes as they are). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** "YYYY-MM-DDTHH:MM:SSZ" at `at` read as `parseIsoTime` reads it; NaN for anything else. */
function utcSecondAt(text: Uint8Array, at: number): number {
  if (text[at + 4] !== 45 || text[at + 7] !== 45 || text[at + 10] !== 84) return Number.NaN;
  if (text[at + 13] !== 58 || text[at + 16] !== 58 || text[at + 19] !== 90) return Number.NaN;
  return utcMilliseconds(
    digits(text, at, 4),
    digits(text, at + 5, 2),
    digits(text, at + 8, 2),
    digits(text, at + 11, 2),
    digits(text, at + 14, 2),
    digits(text, at + 17, 2),
  );
}

/** The number written by `width` digits at `at`; −1 if one is not a digit. */
function digits(text: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let k = at; k < at + width; k++) {
    const d = text[k] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
