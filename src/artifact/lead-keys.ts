import { hashString } from '../core/rng.js';
import { isTrimmedAsciiSpace } from '../features/normalize-value.js';

/**
 * Lead ids numbered 0, 1, 2 … in the order they are first seen, looked up by their UTF-8 bytes:
 * an events file's ids are found straight from the file's bytes, without a string per id, and
 * the leads' ids (strings) by the same bytes. An id is its text trimmed as `String.prototype.trim`
 * trims it. An open-addressing hash table (FNV-1a) over a growing arena of the ids' bytes.
 */
export class LeadKeys {
  /** The ids' bytes, id k at [keyStart[k], keyStart[k + 1]). */
  private bytes = new Uint8Array(1 << 16);
  private keyStart = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Slot → id number + 1 (0: empty); a power of two, at most half full. */
  private slots = new Int32Array(1 << 13);
  /** Ids numbered so far. */
  count = 0;
  /** The bytes of a string id (scratch). */
  private encoded: Buffer = Buffer.alloc(0);

  /**
   * The number of the id whose text is `bytes[from, to)` trimmed (UTF-8), numbered next when it
   * is new. The bytes are read as the string `bytes.toString('utf8', from, to).trim()` would be.
   */
  ofBytes(bytes: Buffer, from: number, to: number): number {
    while (from < to && isTrimmedAsciiSpace(bytes[from])) from++;
    while (to > from && isTrimmedAsciiSpace(bytes[to - 1])) to--;
    // An end beyond ASCII may be a space `trim` removes (no-break, ideographic …): read as text.
    if (from < to && (bytes[from] >= 0x80 || bytes[to - 1] >= 0x80))
      return this.ofString(bytes.toString('utf8', from, to).trim(), true);
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
    return this.find(h, bytes, from, to, true);
  }

  /** The number of `id` (trimmed text); −1 when it is not known, unless `insert` numbers it. */
  ofString(id: string, insert = false): number {
    let ascii = true;
    for (let i = 0; i < id.length && ascii; i++) ascii = id.charCodeAt(i) < 0x80;
    if (ascii) {
      // An ASCII id's characters are its bytes: the same hash, and compared without encoding it.
      const h = hashString(id) | 0;
      const mask = this.slots.length - 1;
      for (let s = h & mask; ; s = (s + 1) & mask) {
        const k = this.slots[s] - 1;
        if (k < 0) break;
        if (this.hashes[k] === h && this.is(k, id)) return k;
      }
      if (!insert) return -1;
    }
    const length = Buffer.byteLength(id, 'utf8');
    if (this.encoded.length < length) this.encoded = Buffer.alloc(2 * length);
    this.encoded.write(id, 0, 'utf8');
    let h = FNV_OFFSET;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ this.encoded[i], FNV_PRIME);
    return this.find(h, this.encoded, 0, length, insert);
  }

  /** Whether id k is `id` (an ASCII string: else false, and the caller looks it up). */
  is(k: number, id: string): boolean {
    if (k >= this.count) return false;
    const from = this.keyStart[k];
    if (this.keyStart[k + 1] - from !== id.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < id.length; i++) if (bytes[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** The number of the id `bytes[from, to)` (hash h); −1 when it is not known, unless `insert` numbers it. */
  private find(h: number, bytes: Uint8Array, from: number, to: number, insert: boolean): number {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s] - 1;
      if (k < 0) return insert ? this.add(s, h, bytes, from, to) : -1;
      if (this.hashes[k] === h && this.keyStart[k + 1] - this.keyStart[k] === length && this.sameBytes(k, bytes, from)) return k;
    }
  }

  private sameBytes(k: number, bytes: Uint8Array, from: number): boolean {
    const start = this.keyStart[k];
    const length = this.keyStart[k + 1] - start;
    const own = this.bytes;
    for (let i = 0; i < length; i++) if (own[start + i] !== bytes[from + i]) return false;
    return true;
  }

  /** Numbers the id `bytes[from, to)` (hash h) in empty slot s. */
  private add(s: number, h: number, bytes: Uint8Array, from: number, to: number): number {
    const k = this.count++;
    if (k + 2 > this.keyStart.length) {
      this.keyStart = grown(this.keyStart, 2 * this.keyStart.length);
      this.hashes = grown(this.hashes, 2 * this.hashes.length);
    }
    const start = this.keyStart[k];
    const end = start + (to - from);
    if (end > this.bytes.length) this.bytes = grown(this.bytes, Math.max(2 * this.bytes.length, end));
    this.bytes.set(bytes.subarray(from, to), start);
    this.keyStart[k + 1] = end;
    this.hashes[k] = h;
    this.slots[s] = k + 1;
    if (2 * this.count > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let s = this.hashes[k] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = k + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over bytes, as `hashString` over characters. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function grown<T extends Uint8Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
