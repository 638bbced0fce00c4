import { assertKernelExports, instantiateKernel, orWithoutKernel, wasmModule } from '../core/wasm-module.js';

/** The functions of src/wasm/event-scan-kernel.ts. */
interface KernelExports {
  heapStart(): number;
  scanLines(
    from: number,
    to: number,
    final: number,
    delimiter: number,
    width: number,
    idColumn: number,
    out: number,
    capacity: number,
  ): number;
  stoppedAt(): number;
  stopReason(): number;
}

const KERNEL = 'event-scan-kernel';
/** Records listed per kernel call. */
const CAPACITY = 1 << 14;
/** The kernel reads whole 16-byte blocks: this many bytes follow the window. */
const SLACK = 16;

/** Why a scan stopped (the kernel's stop codes, and LONG for a line the window cannot hold). */
export const ScanStop = { DONE: 0, MORE: 1, QUOTE: 2, RAGGED: 3, FULL: 4, LONG: 5 } as const;
export type ScanStop = (typeof ScanStop)[keyof typeof ScanStop];

/** The records of one `WasmLineScan.scan`: four numbers each (see `records`), and where and why it stopped. */
export interface LineScanResult {
  count: number;
  /** Added to a record's numbers (but an id start of −1), it gives places in the file. */
  shift: number;
  /** Where the next line starts in the file. */
  next: number;
  stop: ScanStop;
}

/**
 * LineScan's loop over an events file's lines as WebAssembly (src/wasm/event-scan-kernel.ts):
 * the same records, ids and stops, sixteen bytes at a time. The file's bytes are copied into
 * the kernel's memory a window at a time; a window is scanned from any line in it until it
 * ends, so each byte is copied about once however often the scan stops for a quoted line.
 */
export class WasmLineScan {
  private readonly kernel: KernelExports;
  private readonly windowBytes: number;
  private readonly windowAt: number;
  private readonly outAt: number;
  private readonly window: Uint8Array;
  /**
   * The last scan's records, four numbers each, places in the kernel's memory (see `shift`): the
   * line's start and end (its line feed, or the file's end), its id field's start (−1: the
   * previous record's id in this scan) and end.
   */
  readonly records: Int32Array;
  /** The file's bytes the window holds: [from, to). */
  private from = 0;
  private to = 0;

  /** A scan through windows of `windowBytes`, or null when the kernel has not been built or its memory cannot be had. */
  static create(windowBytes: number): WasmLineScan | null {
    const module = wasmModule(KERNEL);
    return module ? orWithoutKernel(() => new WasmLineScan(module, windowBytes)) : null;
  }

  private constructor(module: WebAssembly.Module, windowBytes: number) {
    let windowAt = 0;
    let outAt = 0;
    const { exports, buffer } = instantiateKernel<KernelExports>(KERNEL, module, (heapStart) => {
      outAt = heapStart;
      windowAt = outAt + 16 * CAPACITY;
      return windowAt + windowBytes + SLACK;
    });
    assertKernelExports(KERNEL, exports, ['scanLines', 'stoppedAt', 'stopReason']);
    this.kernel = exports;
    this.windowBytes = windowBytes;
    this.windowAt = windowAt;
    this.outAt = outAt;
    this.window = new Uint8Array(buffer, windowAt, windowBytes);
    this.records = new Int32Array(buffer, outAt, 4 * CAPACITY);
  }

  /**
   * Lists the records of the lines from `pos` in `bytes` (its first `filled` bytes read;
   * `final`: that is the whole file), with `width` fields split at `delimiter`, the lead id in
   * field `idColumn`. Stops at the end of the bytes (DONE, or MORE when the last line may go on),
   * at a line with a quote (QUOTE), a line without `width` fields (RAGGED), a line longer than
   * the window (LONG), or after a window's or `records`' worth of records (FULL: scan again from
   * `next`). `next` is where the scan stopped: the start of the line it stopped at.
   */
  scan(
    bytes: Uint8Array,
    pos: number,
    filled: number,
    final: boolean,
    delimiter: number,
    width: number,
    idColumn: number,
  ): LineScanResult {
    for (;;) {
      // A window is scanned again only while it holds all it can: it ends the bytes read, or it is full.
      const stale = this.to < filled && this.to - this.from < this.windowBytes;
      if (pos < this.from || pos >= this.to || stale) this.load(bytes, pos, filled);
      const { windowAt, from, to } = this;
      const count = this.kernel.scanLines(
        windowAt + pos - from,
        windowAt + to - from,
        final && to === filled ? 1 : 0,
        delimiter,
        width,
        idColumn,
        this.outAt,
        CAPACITY,
      );
      const shift = from - windowAt;
      const next = this.kernel.stoppedAt() + shift;
      const stop = this.kernel.stopReason() as ScanStop;
      if (stop !== ScanStop.MORE || to === filled) return { count, shift, next, stop };
      // The line at `next` goes on past the window and the file has more bytes: the next scan
      // starts a window there.
      this.to = from;
      if (count > 0) return { count, shift, next, stop: ScanStop.FULL };
      if (next === from) return { count, shift, next, stop: ScanStop.LONG };
      pos = next;
    }
  }

  /** Copies the file's bytes from `pos` (up to the window's size) into the window. */
  private load(bytes: Uint8Array, pos: number, filled: number): void {
    const to = Math.min(filled, pos + this.windowBytes);
    this.window.set(bytes.subarray(pos, to));
    this.from = pos;
    this.to = to;
  }
}
