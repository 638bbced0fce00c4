import { DataError } from '../../core/errors.js';
import { errorAtLine } from '../error-at-line.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** What `CsvScanner.next` found at the cursor. */
export type ScanResult = 'record' | 'blank' | 'incomplete';

/**
 * The fields of the last record read, as spans of the scanned text: field j is
 * `text.slice(spans[2j], spans[2j + 1])`, or, when `spans[2j]` is -1, the unescaped
 * value `escaped[spans[2j + 1]]` (a quoted field that held doubled quotes).
 * Column builders read spans directly and skip creating a string per field.
 */
export interface RecordSpans {
  text: string;
  spans: Int32Array;
  escaped: string[];
  count: number;
}

/** Field j of a record read as spans (unescaped); `j` may run on over records kept one after another, as in a lead batch. */
export function spanField(record: Pick<RecordSpans, 'text' | 'spans' | 'escaped'>, j: number): string {
  const start = record.spans[2 * j];
  return start < 0 ? record.escaped[record.spans[2 * j + 1]] : record.text.slice(start, record.spans[2 * j + 1]);
}

/**
 * The tokenizer under `CsvParser`: reads one record at a time from a piece of text,
 * with the delimiter and line break positions cached so each is found by one native
 * `indexOf`. It never looks past the text it is given; when a record may continue in
 * input not seen yet (and `final` is false) it answers 'incomplete'.
 */
export class CsvScanner implements RecordSpans {
  text = '';
  spans = new Int32Array(64);
  escaped: string[] = [];
  count = 0;
  /** Cursor: where the next record starts. */
  pos = 0;
  /** Line breaks inside quoted fields of the last record. */
  extraLines = 0;

  private final = false;
  private nextDelimiter = -1;
  private nextNewline = -1;
  private readonly delimiterChar: string;
  private readonly delimiter: number;
  private readonly newlineChar: string;
  private readonly newline: number;
  private readonly file: string | undefined;

  constructor(delimiter: string, newline: '\n' | '\r', file: string | undefined) {
    this.delimiterChar = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
    this.newlineChar = newline;
    this.newline = newline.charCodeAt(0);
    this.file = file;
  }

  /** Starts scanning `text` at `pos`; `final` says no input follows it. */
  reset(text: string, pos: number, final: boolean): void {
    this.text = text;
    this.pos = pos;
    this.final = final;
    this.nextDelimiter = -1;
    this.nextNewline = -1;
  }

  /** The value of field `j` of the last record. */
  field(j: number): string {
    return spanField(this, j);
  }

  /** Reads the record at the cursor; `line` is only used in error messages. */
  next(line: number): ScanResult {
    if (this.skipBlankLine()) return 'blank';
    const start = this.pos;
    this.count = 0;
    this.escaped.length = 0;
    this.extraLines = 0;
    if (this.readRecord(line)) return 'record';
    this.pos = start;
    return 'incomplete';
  }

  private skipBlankLine(): boolean {
    const { text, pos } = this;
    const first = text.charCodeAt(pos);
    let width = 0;
    if (first === this.newline) width = 1;
    else if (first === CR && this.newline === LF) {
      if (pos + 1 === text.length) width = this.final ? 1 : 0;
      else if (text.charCodeAt(pos + 1) === LF) width = 2;
    }
    this.pos += width;
    return width > 0;
  }

  /** Reads fields up to and past the record's line break; false when the record is cut off. */
  private readRecord(line: number): boolean {
    const { text, final } = this;
    const len = text.length;
    for (;;) {
      const pos = this.pos;
      if (this.nextDelimiter < pos) this.nextDelimiter = indexOrEnd(text, this.delimiterChar, pos);
      if (this.nextNewline < pos) this.nextNewline = indexOrEnd(text, this.newlineChar, pos);
      const open = quotedFieldStart(text, pos, this.delimiter);
      if (open >= 0) {
        const after = this.readQuoted(open, line + this.extraLines);
        if (after < 0) return false;
        const c = text.charCodeAt(after);
        if (after === len || c === this.newline) return this.endRecord(after + 1);
        if (c === this.delimiter) {
          this.pos = after + 1;
          if (this.pos === len) return final && this.endWithEmptyField();
          continue;
        }
        if (c === CR && this.newline === LF && (after + 1 === len || text.charCodeAt(after + 1) === LF)) {
          return (after + 1 < len || final) && this.endRecord(after + 2);
        }
        throw this.afterQuoteError(after, line + this.extraLines);
      }
      if (this.nextDelimiter < this.nextNewline) {
        this.addSpan(pos, this.nextDelimiter);
        this.pos = this.nextDelimiter + 1;
        if (this.pos === len) return final && this.endWithEmptyField();
        continue;
      }
      if (this.nextNewline === len && !final) return false;
      let fieldEnd = this.nextNewline;
      if (this.newline === LF && fieldEnd > pos && text.charCodeAt(fieldEnd - 1) === CR) fieldEnd--;
      this.addSpan(pos, fieldEnd);
      return this.endRecord(this.nextNewline + 1);
    }
  }

  private endRecord(next: number): boolean {
    this.pos = Math.min(next, this.text.length);
    return true;
  }

  /** A record ending in a delimiter at the very end of the input has a last, empty field. */
  private endWithEmptyField(): boolean {
    this.addSpan(this.pos, this.pos);
    return true;
  }

  /**
   * Reads the quoted field whose opening quote is at `open`; returns the index after
   * the closing quote (and any spaces after it), or -1 when the field is cut off.
   */
  private readQuoted(open: number, line: number): number {
    const { text, final } = this;
    const len = text.length;
    let value: string | undefined;
    let segmentStart = open + 1;
    let q = text.indexOf('"', segmentStart);
    for (;;) {
      if (q === -1) {
        if (!final) return -1;
        throw errorAtLine(
          DataError,
          this.file,
          line,
          `line ${line}: field ${this.count + 1} opens a quote that is never closed before the end of the file`,
        );
      }
      if (q + 1 === len && !final) return -1;
      if (text.charCodeAt(q + 1) !== QUOTE) break;
      value = (value ?? '') + text.slice(segmentStart, q + 1);
      segmentStart = q + 2;
      q = text.indexOf('"', segmentStart);
    }
    // Spaces between the closing quote and the delimiter are tolerated.
    let end = q + 1;
    while (end < len && isPadding(text.charCodeAt(end), this.delimiter)) end++;
    if (end === len && !final) return -1;
    if (value === undefined) this.addSpan(open + 1, q);
    else this.addValue(value + text.slice(segmentStart, q));
    this.extraLines += countChar(text, this.newlineChar, open + 1, q);
    return end;
  }

  private addSpan(start: number, end: number): void {
    if (2 * this.count + 2 > this.spans.length) this.growSpans();
    this.spans[2 * this.count] = start;
    this.spans[2 * this.count + 1] = end;
    this.count++;
  }

  private addValue(value: string): void {
    this.addSpan(-1, this.escaped.length);
    this.escaped.push(value);
  }

  private growSpans(): void {
    const grown = new Int32Array(this.spans.length * 2);
    grown.set(this.spans);
    this.spans = grown;
  }

  private afterQuoteError(pos: number, line: number): DataError {
    const shown = JSON.stringify(this.text.slice(pos, pos + 12));
    return errorAtLine(
      DataError,
      this.file,
      line,
      `line ${line}: field ${this.count} has text ${shown} after its closing quote; a quote inside a quoted field must be doubled ("")`,
    );
  }
}

/** Where the next occurrence of `char` is, or the text length when there is none. */
function indexOrEnd(text: string, char: string, from: number): number {
  const i = text.indexOf(char, from);
  return i === -1 ? text.length : i;
}

/** Index of the opening quote when the field at `pos` is quoted (leading spaces allowed), else -1. */
function quotedFieldStart(text: string, pos: number, delimiter: number): number {
  let i = pos;
  let c = text.charCodeAt(i);
  while (isPadding(c, delimiter)) c = text.charCodeAt(++i);
  return c === QUOTE ? i : -1;
}

/** Whether a character around a quoted field is padding: a space, or a tab unless tabs delimit. */
function isPadding(c: number, delimiter: number): boolean {
  return c === SPACE || (c === TAB && delimiter !== TAB);
}

function countChar(text: string, char: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}
