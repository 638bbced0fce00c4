import { isAscii, isUtf8 } from 'node:buffer';
import { DataError } from '../../core/errors.js';

/** Encodings the loaders read. 'latin1' decodes as Windows-1252, as browsers do. */
export type TextEncodingName = 'utf8' | 'latin1';

/** Decodes a byte stream chunk by chunk; `write` throws `InvalidTextError` on bytes that are not valid text. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Raised by a `ChunkDecoder` on invalid UTF-8; the parser turns it into a `DataError` naming the line. */
export class InvalidTextError extends Error {}

const SNIFF_BYTES = 1024;

/**
 * Refuses input that is plainly not a text table, judged from its first kilobyte: a
 * NUL byte, a UTF-16 byte-order mark, or a ZIP / Excel / gzip signature. `offset` is
 * how many bytes of the file came before `bytes`.
 */
export function assertTextBytes(bytes: Uint8Array, file: string | undefined, offset = 0): void {
  const where = file ? { file } : {};
  if (offset === 0) {
    const hint = signatureHint(bytes);
    if (hint) throw new DataError(`does not look like a CSV text file: ${hint}`, where);
  }
  const end = Math.min(bytes.length, SNIFF_BYTES - offset);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      throw new DataError(`does not look like a CSV text file: byte ${offset + i + 1} is a NUL (binary data)`, where);
    }
  }
}

/** The same check for input that arrives as a string. */
export function assertTextString(text: string, file: string | undefined): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0 && nul < SNIFF_BYTES) {
    throw new DataError(`does not look like a CSV text file: character ${nul + 1} is a NUL (binary data)`, file ? { file } : {});
  }
}

/**
 * A streaming decoder. UTF-8 is validated with the native `isUtf8` and decoded with
 * `Buffer#toString`, about twice as fast as a fatal `TextDecoder` (and ten times for
 * pure ASCII); a multi-byte character cut by a chunk boundary is carried over to the
 * next chunk.
 */
export function makeChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'latin1') {
    const decoder = new TextDecoder('windows-1252');
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  let carry: Uint8Array = new Uint8Array(0);
  const decode = (bytes: Uint8Array): string => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    // Pure ASCII (most CRM exports) decodes as Latin-1: a plain copy, ten times faster than UTF-8.
    if (isAscii(buffer)) return buffer.toString('latin1');
    if (!isUtf8(buffer)) throw new InvalidTextError('invalid UTF-8');
    return buffer.toString('utf8');
  };
  return {
    write(bytes) {
      const joined = carry.length ? concatBytes(carry, bytes) : bytes;
      const cut = completeUtf8Length(joined);
      carry = joined.slice(cut);
      return decode(joined.subarray(0, cut));
    },
    end() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length ? decode(rest) : '';
    },
  };
}

/** Length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function signatureHint(bytes: Uint8Array): string | undefined {
  const b = (i: number): number => bytes[i] ?? -1;
  if ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff)) {
    return 'it is UTF-16 encoded; save it as UTF-8 CSV';
  }
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    return 'it is a ZIP archive (an Excel .xlsx workbook?); export the sheet as CSV';
  }
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) {
    return 'it is an old Excel .xls workbook; export the sheet as CSV';
  }
  if (b(0) === 0x1f && b(1) === 0x8b) return 'it is gzip-compressed; name it *.csv.gz or decompress it first';
  return undefined;
}
