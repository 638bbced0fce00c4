import type { Worker } from 'node:worker_threads';
import { CompleteTreeLayout, type LayoutBuffers, type LeafSums } from './complete-tree-layout.js';
import { startWorker, workerUrl } from './worker-url.js';

/** Row × tree walks from which a second thread pays for copying its rows to shared memory. */
export const PARALLEL_MIN_WALKS = 1 << 22;
/** Rows per chunk of work; each thread claims chunks until none is left. */
const CHUNK_ROWS = 2048;
/** How long the calling thread waits on a chunk the worker claimed before doing it itself. */
const STALL_MS = 10_000;
/** Most rows' bytes copied to shared memory at a time; larger batches go in windows. */
const MAX_SHARED_BYTES = 64 * 2 ** 20;
/** Shared scratch memory is released after this long without a large batch. */
const RELEASE_MS = 10_000;

/** Chunk states in the shared flags. */
const FREE = 0;
const CLAIMED = 1;
const DONE = 2;
const FAILED = 3;
/** Claimed and done by the calling thread (its results are already in place). */
const CALLER = 4;

/** One window of prediction work as the worker receives it. */
export interface PredictJob {
  layout: LayoutBuffers;
  /** The layout's number in the sending thread: jobs of one layout reuse the worker's copy of it. */
  layoutId: number;
  depth: number;
  nTrees: number;
  /**
   * The window in the worker's coordinates: `x` is the copy of the rows it may take (matrix row
   * `first` at copy row 0, so r0 ≤ 0) and `out` the shared copy of the window's output.
   */
  sums: LeafSums;
  /** First chunk the worker may take (its copy starts there). */
  firstChunk: number;
  /** One state per chunk (FREE, CLAIMED, DONE, FAILED, CALLER). */
  flags: Int32Array;
  chunkRows: number;
}

/**
 * A second prediction thread for large batches. Work is split into chunks of rows; the calling
 * thread claims chunks from the front, the worker from the back (of the rows copied for it), so
 * neither waits for the other unless both are busy on the last chunks. Each row's value is always
 * base + tree 1 + tree 2 + … in the same order, so results do not depend on who did which chunk.
 * The call stays synchronous: the caller blocks on the chunk flags (Atomics.wait) until the
 * worker's chunks are done. A worker that stalls or fails is retired and its chunks redone by the
 * caller.
 */
export class PredictPool {
  private static instance: PredictPool | null = null;
  private worker: Worker | null = null;
  /** Set to 1 by the worker once it can take jobs. */
  private readonly ready = new Int32Array(new SharedArrayBuffer(4));
  private broken = false;
  /** Shared memory reused from call to call (fresh pages cost more than the copy), released when idle. */
  private scratchX: Float64Array | null = null;
  private scratchOut: Float64Array | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  /** Chunks the worker has done since the pool started (for tests and diagnostics). */
  workerChunks = 0;

  /** The process's pool (the worker starts on first use and does not keep the process alive). */
  static shared(): PredictPool {
    PredictPool.instance ??= new PredictPool();
    return PredictPool.instance;
  }

  /** True when a worker is running and ready; otherwise starts one for later calls and returns false. */
  private available(): boolean {
    if (this.broken) return false;
    if (!this.worker) {
      try {
        this.worker = startWorker(workerUrl(import.meta.url, 'predict-worker'), { workerData: { ready: this.ready } });
      } catch {
        this.broken = true;
        return false;
      }
      this.worker.unref();
      this.worker.on('error', () => this.retire());
      this.worker.on('exit', () => this.retire());
      return false;
    }
    return Atomics.load(this.ready, 0) === 1;
  }

  /** Starts the worker if needed; resolves true once it takes jobs (false if it cannot start). */
  async start(timeoutMs = 30_000): Promise<boolean> {
    this.available();
    if (this.broken) return false;
    // Kept referenced while waiting, so the wait itself keeps the process alive.
    this.worker?.ref();
    const waiting = Atomics.waitAsync(this.ready, 0, 0, timeoutMs);
    if (waiting.async) await waiting.value;
    this.worker?.unref();
    return Atomics.load(this.ready, 0) === 1;
  }

  /** Views of the shared scratch memory of the given lengths, grown when needed. */
  private scratch(xLength: number, outLength: number): { x: Float64Array; out: Float64Array } {
    if (!this.scratchX || this.scratchX.length < xLength) this.scratchX = new Float64Array(new SharedArrayBuffer(8 * xLength));
    if (!this.scratchOut || this.scratchOut.length < outLength)
      this.scratchOut = new Float64Array(new SharedArrayBuffer(8 * outLength));
    return { x: this.scratchX.subarray(0, xLength), out: this.scratchOut.subarray(0, outLength) };
  }

  private scheduleRelease(): void {
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => {
      this.scratchX = null;
      this.scratchOut = null;
    }, RELEASE_MS);
    this.releaseTimer.unref();
  }

  private retire(): void {
    // A stalled worker may still read the scratch memory: never reuse it.
    this.scratchX = null;
    this.scratchOut = null;
    this.broken = true;
    Atomics.store(this.ready, 0, 0);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  /**
   * CompleteTreeLayout.accumulate on two threads when `threads` > 1, the batch is large and the
   * worker is up; otherwise on the calling thread.
   */
  accumulate(layout: CompleteTreeLayout, threads: number, sums: LeafSums): void {
    const { cols, r0, r1, t0, t1 } = sums;
    const rows = r1 - r0;
    if (threads < 2 || rows < 2 * CHUNK_ROWS || rows * (t1 - t0) < PARALLEL_MIN_WALKS || !this.available()) {
      layout.accumulate(sums);
      return;
    }
    // Windows of rows whose shared copy stays within MAX_SHARED_BYTES.
    const window = Math.max(2, Math.floor((2 * MAX_SHARED_BYTES) / (8 * cols * CHUNK_ROWS))) * CHUNK_ROWS;
    for (let w0 = r0; w0 < r1; w0 += window) this.shareWindow(layout, { ...sums, r0: w0, r1: Math.min(r1, w0 + window) });
    this.scheduleRelease();
  }

  /** One window of rows on both threads. */
  private shareWindow(layout: CompleteTreeLayout, sums: LeafSums): void {
    const { x, cols, r0, r1, out, outRow0, outCols } = sums;
    const rows = r1 - r0;
    const nChunks = Math.ceil(rows / CHUNK_ROWS);
    // The worker may take the second half's chunks (and the caller any chunk): copy those rows.
    const firstChunk = Math.floor(nChunks / 2);
    const first = r0 + firstChunk * CHUNK_ROWS;
    const outStart = (r0 - outRow0) * outCols;
    const { x: shared, out: sharedOut } = this.scratch((r1 - first) * cols, rows * outCols);
    shared.set(x.subarray(first * cols, r1 * cols));
    sharedOut.set(out.subarray(outStart, outStart + rows * outCols));
    const flags = new Int32Array(new SharedArrayBuffer(4 * nChunks));
    const job: PredictJob = {
      layout: layout.buffers(),
      layoutId: layout.id,
      depth: layout.depth,
      nTrees: layout.nTrees,
      sums: { ...sums, x: shared, r0: r0 - first, r1: r1 - first, out: sharedOut, outRow0: r0 - first },
      firstChunk,
      flags,
      chunkRows: CHUNK_ROWS,
    };
    this.worker!.postMessage(job);
    const chunk = (c: number): LeafSums => ({ ...sums, r0: r0 + c * CHUNK_ROWS, r1: Math.min(r1, r0 + (c + 1) * CHUNK_ROWS) });
    for (let c = 0; c < nChunks; c++) if (Atomics.compareExchange(flags, c, FREE, CALLER) === FREE) layout.accumulate(chunk(c));
    // Chunks the worker claimed: wait for them, take its results (or redo them on a stall or failure).
    for (let c = firstChunk; c < nChunks; c++) {
      if (Atomics.load(flags, c) === CLAIMED && Atomics.wait(flags, c, CLAIMED, STALL_MS) === 'timed-out') this.retire();
      const state = Atomics.load(flags, c);
      if (state === DONE) {
        const { r0: a, r1: b } = chunk(c);
        out.set(sharedOut.subarray((a - r0) * outCols, (b - r0) * outCols), (a - outRow0) * outCols);
        this.workerChunks++;
      }
      // Claimed but not finished (failed, or stalled and retired): redone here from the base values still in `out`.
      else if (state === CLAIMED || state === FAILED) layout.accumulate(chunk(c));
    }
  }
}

/**
 * The worker's layout of the latest model it predicted for: the windows of one large batch (and
 * the batches after it) reuse it, and the WebAssembly kernel made for it.
 */
let lastLayout: { id: number; layout: CompleteTreeLayout } | null = null;

/** Runs the worker's side of a job: claims chunks from the back of its rows until it meets the caller. */
export function runPredictJob(job: PredictJob): void {
  if (lastLayout?.id !== job.layoutId)
    lastLayout = { id: job.layoutId, layout: new CompleteTreeLayout(job.depth, job.nTrees, job.layout) };
  const layout = lastLayout.layout;
  const { flags, chunkRows, sums } = job;
  for (let c = flags.length - 1; c >= job.firstChunk; c--) {
    if (Atomics.compareExchange(flags, c, FREE, CLAIMED) !== FREE) break;
    const r0 = sums.r0 + c * chunkRows;
    let state = DONE;
    try {
      layout.accumulate({ ...sums, r0, r1: Math.min(sums.r1, r0 + chunkRows) });
    } catch {
      state = FAILED;
    }
    Atomics.store(flags, c, state);
    Atomics.notify(flags, c);
  }
}
