// AssemblyScript (compiled to WebAssembly by `npm run build`, see README.md here).
//
// The line scan of src/artifact/event-file.ts (LineScan.advance) over a window of an events
// file's bytes: the same records, each line's delimiters counted and its lead id field found,
// sixteen bytes at a time (SIMD compares and bit masks instead of one comparison per byte). The
// host copies a window of the file into this module's memory, calls `scanLines`, and adds the
// records it lists to its store; a line with a quote, a line longer than the window and a
// ragged line are left to the host (see the stop codes).
//
// Output (at `out`, four i32 per record): the line's start and end (its line feed, or the
// window's end for a last line without one), and its lead id field's start and end — the start
// −1 when the id has the bytes of the previous record's id in the same call.

// Why `scanLines` stopped (`stopReason`); it stopped at `stoppedAt`, the start of a line.

/** Every line of the window was read. */
const DONE = 0;
/** The line at `stopAt` may go on past the window: more bytes are needed. */
const MORE = 1;
/** The line at `stopAt` has a quote (read by the host's CSV scanner). */
const QUOTE = 2;
/** The line at `stopAt` does not have `width` fields. */
const RAGGED = 3;
/** The output is full (`capacity` records). */
const FULL = 4;

const LF: u8 = 10;
const CR: u8 = 13;
const QUOTE_BYTE: u8 = 34;

let stopAt: usize = 0;
let stopCode: i32 = DONE;

export { heapStart } from './memory';

/** Where the last `scanLines` stopped. */
export function stoppedAt(): usize {
  return stopAt;
}

/** Why the last `scanLines` stopped (DONE, MORE, QUOTE, RAGGED or FULL). */
export function stopReason(): i32 {
  return stopCode;
}

/** The bits of a 16-byte block's bytes that are below `to` (all when the block ends before it). */
function within(p: usize, to: usize): i32 {
  return to - p >= 16 ? 0xffff : (1 << (<i32>(to - p))) - 1;
}

/** The count of set bits below `bit` (16: all) of a block's mask. */
function below(mask: i32, bit: i32): i32 {
  return bit >= 16 ? mask : mask & ((1 << bit) - 1);
}

/**
 * Reads the lines of [from, to) (memory holds 16 bytes after `to`): each is skipped when blank
 * (a line feed, or a carriage return and a line feed), else listed as a record at `out` with
 * its id field when it has `width` fields split at `delimiter` and no quote. `final`: the
 * window ends the file, so a last line without a line feed ends at `to`. Returns the records
 * listed; `stoppedAt` and `stopReason` tell where and why it stopped.
 */
export function scanLines(
  from: usize,
  to: usize,
  final: i32,
  delimiter: i32,
  width: i32,
  idColumn: i32,
  out: usize,
  capacity: i32,
): i32 {
  const lf16 = i8x16.splat(<i8>LF);
  const delimiter16 = i8x16.splat(<i8>delimiter);
  const quote16 = i8x16.splat(<i8>QUOTE_BYTE);
  let pos = from;
  let n = 0;
  // The previous record's id field in this call (length −1: none yet).
  let previousId: usize = 0;
  let previousLength: i32 = -1;
  stopCode = DONE;
  while (pos < to) {
    if (n === capacity) {
      stopCode = FULL;
      break;
    }
    let count: i32 = 1;
    let idFrom: isize = idColumn === 0 ? <isize>pos : -1;
    let idTo: isize = -1;
    let lf: usize = 0;
    let ended = false;
    let quoted = false;
    let p = pos;
    while (p < to) {
      const block = v128.load(p);
      const valid = within(p, to);
      const lfs = i8x16.bitmask(i8x16.eq(block, lf16)) & valid;
      // The line feed's bit in the block (16: none).
      const end = lfs !== 0 ? <i32>ctz(lfs) : 16;
      if (below(i8x16.bitmask(i8x16.eq(block, quote16)) & valid, end) !== 0) {
        quoted = true;
        break;
      }
      let delimiters = below(i8x16.bitmask(i8x16.eq(block, delimiter16)) & valid, end);
      // Delimiters up to the id field's end are taken one by one; after it, counted.
      while (delimiters !== 0 && count <= idColumn + 1) {
        const d = p + <usize>ctz(delimiters);
        delimiters &= delimiters - 1;
        if (count === idColumn + 1) idTo = <isize>d;
        count++;
        if (count === idColumn + 1) idFrom = <isize>(d + 1);
      }
      count += <i32>popcnt(delimiters);
      if (end < 16) {
        lf = p + <usize>end;
        ended = true;
        break;
      }
      p += 16;
    }
    if (quoted) {
      stopCode = QUOTE;
      break;
    }
    if (!ended) {
      if (!final) {
        stopCode = MORE;
        break;
      }
      lf = to;
    }
    if (lf === pos || (lf === pos + 1 && load<u8>(pos) === CR)) {
      pos = lf + 1;
      continue;
    }
    if (count !== width) {
      stopCode = RAGGED;
      break;
    }
    if (idFrom < 0) idFrom = <isize>lf;
    if (idTo < 0) idTo = <isize>lf;
    const length = <i32>(idTo - idFrom);
    const record = out + ((<usize>n) << 4);
    store<i32>(record, <i32>pos);
    store<i32>(record, <i32>lf, 4);
    store<i32>(record, sameBytes(previousId, previousLength, <usize>idFrom, length) ? -1 : <i32>idFrom, 8);
    store<i32>(record, <i32>idTo, 12);
    previousId = <usize>idFrom;
    previousLength = length;
    n++;
    pos = lf + 1;
  }
  stopAt = pos < to ? pos : to;
  return n;
}

/** Whether `length` bytes at `b` equal the `aLength` bytes at `a` (aLength −1: nothing to compare). */
function sameBytes(a: usize, aLength: i32, b: usize, length: i32): bool {
  if (aLength !== length) return false;
  for (let k: usize = 0; k < <usize>length; k++) if (load<u8>(a + k) !== load<u8>(b + k)) return false;
  return true;
}
