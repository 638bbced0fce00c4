import type { Rng } from '../../core/rng.js';
import { assertKernelExports, instantiateKernel, orWithoutKernel, wasmModule } from '../../core/wasm-module.js';
import type { BinnedDataset } from './binned-dataset.js';
import type { TreeTableData } from './tree-table.js';

/** The functions of src/wasm/forest-split-kernel.ts. */
interface KernelExports {
  heapStart(): number;
  setTables(...at: number[]): void;
  setBuffers(...at: number[]): void;
  setParams(minSamplesLeaf: number, minHessian: number, maxFeatures: number): void;
  setTreeBuffers(...at: number[]): void;
  setTreeOutput(...at: number[]): void;
  setTreeLimits(maxDepth: number, minSamplesSplit: number): void;
  findSplit(start: number, end: number, tg: number, th: number, tc: number, parentScore: number, c: number): number;
  partition(f: number, bin: number, defaultLeft: number, start: number, end: number): number;
  growTree(count: number, tg: number, th: number, tc: number, minGain: number): number;
}

const KERNEL = 'forest-split-kernel';
/**
 * Room for the candidate lists of one tree: n · d / 4 bytes, at least 1 MiB. The most a tree used,
 * measured: 162 kB of 1 MiB on x-education (7,392 × 111), 746 kB of 4.4 MB on the built-in data
 * (60,000 × 294). A tree that needs more is grown by TreeGrower instead: the same tree.
 */
const MIN_ARENA_BYTES = 1 << 20;

/** What the kernel needs of a forest's split search (see SampledEvaluator) and tree growth (see TreeGrower). */
export interface ForestSplitSetup {
  data: BinnedDataset;
  lookups: readonly Uint8Array[];
  /** Per feature, the bin filled in from the node's totals (−1: none). */
  skipBins: Int16Array;
  /** Per feature, its group's stored cells [start, end) when the histogram may read them instead of the rows, or null. */
  storedCells: readonly (readonly [number, number] | null)[];
  /** Per feature, the raw-value upper edges of its bins (BinMapper.upper): thresholds of the table. */
  upper: readonly Float64Array[];
  minSamplesLeaf: number;
  minHessian: number;
  maxFeatures: number;
  /** Deepest level (root = 0), null for no limit. */
  maxDepth: number | null;
  minSamplesSplit: number;
  /** Room for a tree's candidate lists, in bytes (default: see MIN_ARENA_BYTES). */
  arenaBytes?: number;
}

/**
 * A binary random forest's split search and depth-wise tree growth as WebAssembly
 * (src/wasm/forest-split-kernel.ts): the same draws from the random stream, histograms, scans,
 * partitions and table as SampledEvaluator, TreeGrower and TreeTableBuilder, so the same trees bit
 * for bit. One per tree-growing thread: it holds the binned data and per-feature tables (copied
 * once) and the buffers a tree is grown in — its row order, row weights and class-1 weights, which
 * the caller fills as views of the kernel's memory.
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
  /** Where `growTree` writes a tree: TreeTableData's arrays, room for the most nodes a tree can have. */
  private readonly out: Omit<TreeTableData, 'nOutputs' | 'treeStart'>;
  /** The candidates last copied in (candidate lists are never changed once made). */
  private lastCandidates: Int32Array | null = null;
  /** The children's candidates after `findSplit`: its own list when none was found constant. */
  keptCandidates: Int32Array = new Int32Array(0);

  /** Null when the kernel has not been built or its memory cannot be had (the data too large for a 32-bit memory). */
  static create(setup: ForestSplitSetup): ForestSplitKernel | null {
    const module = wasmModule(KERNEL);
    return module ? orWithoutKernel(() => new ForestSplitKernel(module, setup)) : null;
  }

  private constructor(module: WebAssembly.Module, setup: ForestSplitSetup) {
    const { data, lookups, skipBins, storedCells, upper } = setup;
    const { layout } = data;
    const n = layout.rows;
    const d = layout.nFeatures;
    // A tree over n rows has at most 2n − 1 nodes.
    const cap = 2 * n;
    const edgeCount = Int32Array.from(upper, (edges) => edges.length);
    const edgeStart = new Int32Array(d);
    for (let f = 1; f < d; f++) edgeStart[f] = edgeStart[f - 1] + edgeCount[f - 1];
    const edgeValues = new Float64Array(d === 0 ? 0 : edgeStart[d - 1] + edgeCount[d - 1]);
    upper.forEach((edges, f) => {
      edgeValues.set(edges, edgeStart[f]);
    });
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
      // The tree growth's: every feature (the root's candidates) and the bin edges.
      Int32Array.from({ length: d }, (_, f) => f),
      edgeStart,
      edgeCount,
      edgeValues,
    ];
    // rows, grad, weight, rowNode, hist, touched, candidates, moved, movedStamp, isConstant, kept, record, rng, spill
    const buffers = [4 * n, 8 * n, 8 * n, 4 * n, 8 * 3 * 256, 4 * 257, 4 * d, 4 * d, 4 * d, d, 4 * d, 8 * 7, 4 * 4, 4 * n];
    // Nodes (7 i32, 3 + 7 f64 and a byte each), levels and stack (7 i32 each).
    const regions = [cap * (4 * 7 + 24 + 56 + 1), cap * 4 * 7];
    // The output table: feature, left, right (i32), threshold, value, cover, gain (f64), defaultLeft (u8).
    const outputs = [4 * cap, 4 * cap, 4 * cap, 8 * cap, 8 * cap, 8 * cap, 8 * cap, cap];
    const arenaBytes = setup.arenaBytes ?? Math.max(MIN_ARENA_BYTES, Math.ceil((n * d) / 4));
    let tableAt: number[] = [];
    let bufferAt: number[] = [];
    let regionAt: number[] = [];
    let outputAt: number[] = [];
    let arenaAt = 0;
    const { exports: kernel, buffer } = instantiateKernel<KernelExports>(KERNEL, module, (heapStart) => {
      let top = heapStart;
      const take = (bytes: number): number => {
        const start = (top + 15) & ~15;
        top = start + bytes;
        return start;
      };
      tableAt = tables.map((t) => take(t.byteLength));
      bufferAt = buffers.map((bytes) => take(bytes));
      regionAt = regions.map((bytes) => take(bytes));
      outputAt = outputs.map((bytes) => take(bytes));
      arenaAt = take(arenaBytes);
      return top;
    });
    const functions = ['setTables', 'setBuffers', 'setParams', 'setTreeBuffers', 'setTreeOutput', 'setTreeLimits', 'findSplit'];
    assertKernelExports(KERNEL, kernel, [...functions, 'partition', 'growTree']);
    this.kernel = kernel;
    const bytes = new Uint8Array(buffer);
    tables.forEach((t, k) => {
      bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), tableAt[k]);
    });
    kernel.setTables(...tableAt.slice(0, 9));
    kernel.setBuffers(...bufferAt);
    kernel.setParams(setup.minSamplesLeaf, setup.minHessian, setup.maxFeatures);
    const [nodesAt, levelsAt] = regionAt;
    const [features, starts, counts, values] = tableAt.slice(9);
    kernel.setTreeBuffers(nodesAt, cap, levelsAt, features, d, starts, counts, values, arenaAt, arenaBytes);
    kernel.setTreeOutput(...outputAt);
    kernel.setTreeLimits(setup.maxDepth ?? -1, setup.minSamplesSplit);
    // The memory never grows: these views hold for the kernel's life.
    this.rows = new Int32Array(buffer, bufferAt[0], n);
    this.grad = new Float64Array(buffer, bufferAt[1], n);
    this.weight = new Float64Array(buffer, bufferAt[2], n);
    this.candidates = new Int32Array(buffer, bufferAt[6], d);
    this.kept = new Int32Array(buffer, bufferAt[10], d);
    this.record = new Float64Array(buffer, bufferAt[11], 7);
    this.rngState = new Int32Array(buffer, bufferAt[12], 4);
    this.out = {
      feature: new Int32Array(buffer, outputAt[0], cap),
      left: new Int32Array(buffer, outputAt[1], cap),
      right: new Int32Array(buffer, outputAt[2], cap),
      threshold: new Float64Array(buffer, outputAt[3], cap),
      value: new Float64Array(buffer, outputAt[4], cap),
      cover: new Float64Array(buffer, outputAt[5], cap),
      gain: new Float64Array(buffer, outputAt[6], cap),
      defaultLeft: new Uint8Array(buffer, outputAt[7], cap),
    };
  }

  /** Hands the random stream to the kernel (before a run of `findSplit` or `growTree`). */
  takeRng(rng: Rng): void {
    rng.saveState(this.rngState);
  }

  /** Gives the random stream back (after a run of `findSplit` or `growTree`). */
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

  /**
   * Grows a whole tree depth-wise over rows[0..count) (filled by the caller, with `weight` and
   * `grad`) whose sums are `totals`, splitting nodes that gain more than `minGain`, drawing from
   * `rng`: the same tree as TreeGrower with this split search, as one-tree table data. Null, with
   * the random stream as it was (the rows reordered), when its candidate lists outgrew their room.
   */
  growTree(count: number, totals: Float64Array, minGain: number, rng: Rng): TreeTableData | null {
    const saved = new Int32Array(4);
    rng.saveState(saved);
    this.takeRng(rng);
    const nodes = this.kernel.growTree(count, totals[0], totals[1], totals[2], minGain);
    if (nodes < 0) {
      rng.loadState(saved);
      return null;
    }
    this.returnRng(rng);
    const out = this.out;
    return {
      nOutputs: 1,
      treeStart: Int32Array.of(0, nodes),
      feature: out.feature.slice(0, nodes),
      left: out.left.slice(0, nodes),
      right: out.right.slice(0, nodes),
      threshold: out.threshold.slice(0, nodes),
      value: out.value.slice(0, nodes),
      cover: out.cover.slice(0, nodes),
      gain: out.gain.slice(0, nodes),
      defaultLeft: out.defaultLeft.slice(0, nodes),
    };
  }
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(256 * parts.length);
  parts.forEach((part, k) => {
    out.set(part, 256 * k);
  });
  return out;
}
