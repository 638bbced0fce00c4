/**
 * A column of strings, dictionary-encoded while that pays off: `dictionary[codes[i]]`
 * is row i. Columns with many distinct values (ids, timestamps) hold plain `values`.
 */
export interface StringColumn {
  length: number;
  dictionary?: string[];
  codes?: Int32Array;
  values?: (string | null)[];
}

/** Rows after which a column whose distinct values exceed half its rows stops encoding. */
const PROBATION_ROWS = 4096;

/**
 * Builds a `StringColumn` from spans of parsed text. A repeated value is found in the
 * dictionary by hashing its characters in place, so it costs no new string: a
 * million-row event log whose columns repeat (lead ids, channels, URLs) is read
 * without allocating a million strings per column, which is what makes loading it
 * fast (the garbage collector, not parsing, dominates otherwise).
 */
export class StringColumnBuilder {
  private length = 0;
  private dictionary: string[] | null = [];
  private hashes = new Int32Array(64);
  private slots = new Int32Array(128);
  private codes = new Int32Array(1024);
  private values: (string | null)[] | null = null;

  /** Appends `text.slice(start, end)`. */
  addSpan(text: string, start: number, end: number): void {
    if (this.dictionary === null) {
      this.values!.push(text.slice(start, end));
      this.length++;
      return;
    }
    const h = hashSpan(text, start, end);
    const mask = this.slots.length - 1;
    const width = end - start;
    let slot = h & mask;
    for (;;) {
      const code = this.slots[slot] - 1;
      if (code < 0) break;
      const known = this.dictionary[code];
      if (this.hashes[code] === h && known.length === width && text.startsWith(known, start)) {
        this.pushCode(code);
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.insert(text.slice(start, end), h, slot);
  }

  /** Appends a string value. */
  addValue(value: string): void {
    if (this.dictionary === null) {
      this.values!.push(value);
      this.length++;
      return;
    }
    this.addSpan(value, 0, value.length);
  }

  finish(): StringColumn {
    if (this.dictionary === null) return { length: this.length, values: this.values! };
    return { length: this.length, dictionary: this.dictionary, codes: this.codes.subarray(0, this.length) };
  }

  private insert(value: string, h: number, slot: number): void {
    const dictionary = this.dictionary!;
    const code = dictionary.length;
    dictionary.push(value);
    if (code === this.hashes.length) this.hashes = grow(this.hashes);
    this.hashes[code] = h;
    this.slots[slot] = code + 1;
    this.pushCode(code);
    if (dictionary.length * 2 > this.slots.length) this.rehash();
    if (this.length >= PROBATION_ROWS && dictionary.length * 2 > this.length) this.decode();
  }

  private pushCode(code: number): void {
    if (this.length === this.codes.length) this.codes = grow(this.codes);
    this.codes[this.length++] = code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.dictionary!.length; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }

  /** Gives up on the dictionary: too many distinct values for it to save anything. */
  private decode(): void {
    const dictionary = this.dictionary!;
    const values = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) values[i] = dictionary[this.codes[i]];
    this.values = values;
    this.dictionary = null;
    this.hashes = new Int32Array(0);
    this.slots = new Int32Array(0);
    this.codes = new Int32Array(0);
  }
}

/** Row i of a `StringColumn`. */
export function stringAt(column: StringColumn, i: number): string | null {
  return column.values ? column.values[i] : column.dictionary![column.codes![i]];
}

/** The column as a plain array of strings. */
export function toStringArray(column: StringColumn): (string | null)[] {
  if (column.values) return column.values;
  const out = new Array<string>(column.length);
  const { dictionary, codes } = column;
  for (let i = 0; i < column.length; i++) out[i] = dictionary![codes![i]];
  return out;
}

/**
 * FNV-1a over the span's length, its first 8 and its last 24 characters (all of a
 * short value). Long values that differ only in their middle collide and are then
 * told apart by a native string comparison, which stays cheap.
 */
function hashSpan(text: string, start: number, end: number): number {
  let h = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  const head = Math.min(end, start + 8);
  for (let i = start; i < head; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, end - 24); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(Math.max(16, array.length * 2));
  grown.set(array);
  return grown;
}
