import type { Rng } from '../../core/rng.js';
import { wasmModule } from '../../core/wasm-module.js';
import type { BinnedDataset } from './binned-dataset.js';

/** The functions of src/wasm/forest-split-kernel.ts. */
interface KernelExports {
  memory: WebAssembly.Memory;
  heapStart(): number;
  setTables(...at: number[]): void;
  setBuffers(...at: number[]): void;
  setParams(minSamplesLeaf: number, minHessian: number, maxFeatures: number): void;
  findSplit(start: number, end: number, tg: number, th: number, tc: number, parentScore: number, c: number): number;
  partition(f: number, bin: number, defaultLeft: number, start: number, end: number): number;
}

const KERNEL = 'forest-split-kernel';
const PAGE = 65536;

/** What the kernel needs of a forest's split search (see SampledEvaluator). */
export interface ForestSplitSetup {
  data: BinnedDataset;
  lookups: readonly Uint8Array[];
  /** Per feature, the bin filled in from the node's totals (−1: none). */
  skipBins: Int16Array;
  /** Per feature, its group's stored cells [start, end) when the histogram may read them instead of the rows, or null. */
  storedCells: readonly (readonly [number, number] | null)[];
  minSamplesLeaf: number;
  minHessian: number;
  maxFeatures: number;
}

/**
 * SampledEvaluator's split search for binary forests as WebAssembly (src/wasm/forest-split-kernel.ts):
 * the same draws, histograms and scans, so the same trees bit for bit. One per tree-growing thread:
 * it holds the binned data and per-feature tables (copied once) and the buffers a tree is grown in —
 * its row order, row weights and class-1 weights — which the grower fills and partitions in place, as
 * views of the kernel's memory.
 */
export class ForestSplitKernel {
  /** The grower's row order (partitioned in place). */
  readonly rows: Int32Array;
  /** Each row's weight if it is of class 1, else 0. */
  readonly grad: Float64Array;
  /** Each row's weight in the tree (0: not in its sample). */
  readonly weight: Float64Array;
  private readonly kernel: KernelExports;
  private readonly candidates: Int32Array;
  private readonly kept: Int32Array;
  private readonly record: Float64Array;
  private readonly rngState: Int32Array;
  /** The candidates last copied in (candidate lists are never changed once made). */
  private lastCandidates: Int32Array | null = null;
  /** The children's candidates after `findSplit`: its own list when none was found constant. */
  keptCandidates: Int32Array = new Int32Array(0);

  /** Null when the kernel has not been built. */
  static create(setup: ForestSplitSetup): ForestSplitKernel | null {
    const module = wasmModule(KERNEL);
    return module ? new ForestSplitKernel(module, setup) : null;
  }

  private constructor(module: WebAssembly.Module, setup: ForestSplitSetup) {
    const instance = new WebAssembly.Instance(module, { env: { abort: kernelAbort } });
    const kernel = instance.exports as unknown as KernelExports;
    for (const name of ['memory', 'heapStart', 'setTables', 'setBuffers', 'setParams', 'findSplit', 'partition'] as const) {
      if (!(name in kernel)) throw new Error(`the ${KERNEL} WebAssembly module has no ${name}; rebuild it with npm run build`);
    }
    this.kernel = kernel;
    const { data, lookups, skipBins, storedCells } = setup;
    const { layout } = data;
    const n = layout.rows;
    const d = layout.nFeatures;
    const tables: ArrayBufferView[] = [
      data.bins,
      concatBytes(lookups),
      Int32Array.from(layout.featureGroup, (g) => g * n),
      Int32Array.from(layout.featureValueBins),
      Int32Array.from(skipBins),
      Int32Array.from(storedCells, (cells) => (cells ? cells[0] : -1)),
      Int32Array.from(storedCells, (cells) => (cells ? cells[1] : -1)),
      data.sparseRows,
      data.sparseBins,
    ];
    // rows, grad, weight, rowNode, hist, touched, candidates, moved, movedStamp, isConstant, kept, record, rng, spill
    const buffers = [4 * n, 8 * n, 8 * n, 4 * n, 8 * 3 * 256, 4 * 257, 4 * d, 4 * d, 4 * d, d, 4 * d, 8 * 7, 4 * 4, 4 * n];
    let top = kernel.heapStart();
    const take = (bytes: number): number => {
      const at = (top + 15) & ~15;
      top = at + bytes;
      return at;
    };
    const tableAt = tables.map((t) => take(t.byteLength));
    const bufferAt = buffers.map((bytes) => take(bytes));
    const memory = kernel.memory;
    const pages = Math.ceil(top / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
    const buffer = memory.buffer;
    const bytes = new Uint8Array(buffer);
    tables.forEach((t, k) => {
      bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), tableAt[k]);
    });
    kernel.setTables(...tableAt);
    kernel.setBuffers(...bufferAt);
    kernel.setParams(setup.minSamplesLeaf, setup.minHessian, setup.maxFeatures);
    this.rows = new Int32Array(buffer, bufferAt[0], n);
    this.grad = new Float64Array(buffer, bufferAt[1], n);
    this.weight = new Float64Array(buffer, bufferAt[2], n);
    this.candidates = new Int32Array(buffer, bufferAt[6], d);
    this.kept = new Int32Array(buffer, bufferAt[10], d);
    this.record = new Float64Array(buffer, bufferAt[11], 7);
    this.rngState = new Int32Array(buffer, bufferAt[12], 4);
  }

  /** Hands the random stream to the kernel (before a run of `findSplit`). */
  takeRng(rng: Rng): void {
    rng.saveState(this.rngState);
  }

  /** Gives the random stream back (after a run of `findSplit`). */
  returnRng(rng: Rng): void {
    rng.loadState(this.rngState);
  }

  /**
   * Finds the best split of the node rows[start..end) with `totals` among `candidates` (see
   * SampledEvaluator.findSplit): returns its split record, or null; `keptCandidates` is then the
   * children's candidates.
   */
  findSplit(start: number, end: number, totals: Float64Array, parentScore: number, candidates: Int32Array): Float64Array | null {
    // Siblings share their parent's candidates: copied in once for both.
    if (candidates !== this.lastCandidates) {
      this.candidates.set(candidates);
      this.lastCandidates = candidates;
    }
    const kept = this.kernel.findSplit(start, end, totals[0], totals[1], totals[2], parentScore, candidates.length);
    this.keptCandidates = kept < 0 ? candidates : this.kept.slice(0, kept);
    return this.record[1] >= 0 ? this.record.slice() : null;
  }

  /**
   * Partitions the node rows[start..end) in place (stable): the rows going left by feature f's
   * split at `bin` first. Returns where the right ones start (a TreeGrower RowPartitioner).
   */
  partition(f: number, bin: number, defaultLeft: number, start: number, end: number): number {
    return this.kernel.partition(f, bin, defaultLeft, start, end);
  }
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(256 * parts.length);
  parts.forEach((part, k) => {
    out.set(part, 256 * k);
  });
  return out;
}

function kernelAbort(): never {
  throw new Error(`the ${KERNEL} WebAssembly module aborted`);
}
