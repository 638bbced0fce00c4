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

/** Byte offsets of the kernel's buffers that TypeScript reads or fills. */
interface Places {
  rows: number;
  grad: number;
  weight: number;
  candidates: number;
  kept: number;
  record: number;
  rng: number;
  out: number;
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
  private readonly kernel: KernelExports;
  private readonly n: number;
  private readonly d: number;
  private readonly capacity: number;
  private readonly at: Places;
  private readonly buffer: ArrayBuffer;
  private views?: {
    rows: Int32Array;
    grad: Float64Array;
    weight: Float64Array;
    candidates: Int32Array;
    kept: Int32Array;
    record: Float64Array;
    rng: Int32Array;
  };
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
    this.n = n;
    this.d = d;
    // A tree over n rows has at most 2n − 1 nodes.
    const cap = 2 * n;
    this.capacity = cap;
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
    // Nodes (7 i32, 3 + 7 f64 and a byte each), levels and stack (7 i32 each), the output table (3 i32, 4 f64, a byte).
    const regions = [cap * (4 * 7 + 24 + 56 + 1), cap * 4 * 7, cap * (4 * 3 + 8 * 4 + 1)];
    const arenaBytes = setup.arenaBytes ?? Math.max(MIN_ARENA_BYTES, Math.ceil((n * d) / 4));
    let tableAt: number[] = [];
    let bufferAt: number[] = [];
    let regionAt: number[] = [];
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
      arenaAt = take(arenaBytes);
      return top;
    });
    const functions = [
      'setTables',
      'setBuffers',
      'setParams',
      'setTreeBuffers',
      'setTreeLimits',
      'findSplit',
      'partition',
      'growTree',
    ];
    assertKernelExports(KERNEL, kernel, functions);
    this.kernel = kernel;
    this.buffer = buffer;
    const bytes = new Uint8Array(buffer);
    tables.forEach((t, k) => {
      bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), tableAt[k]);
    });
    kernel.setTables(...tableAt.slice(0, 9));
    kernel.setBuffers(...bufferAt);
    kernel.setParams(setup.minSamplesLeaf, setup.minHessian, setup.maxFeatures);
    const [nodesAt, levelsAt, outAt] = regionAt;
    kernel.setTreeBuffers(
      nodesAt,
      cap,
      levelsAt,
      tableAt[9],
      d,
      outAt,
      tableAt[10],
      tableAt[11],
      tableAt[12],
      arenaAt,
      arenaBytes,
    );
    kernel.setTreeLimits(setup.maxDepth ?? -1, setup.minSamplesSplit);
    this.at = {
      rows: bufferAt[0],
      grad: bufferAt[1],
      weight: bufferAt[2],
      candidates: bufferAt[6],
      kept: bufferAt[10],
      record: bufferAt[11],
      rng: bufferAt[12],
      out: outAt,
    };
  }

  /** Views of the kernel's buffers (its memory never grows: one buffer for its life). */
  private get v() {
    if (!this.views) {
      const { at, n, d, buffer } = this;
      this.views = {
        rows: new Int32Array(buffer, at.rows, n),
        grad: new Float64Array(buffer, at.grad, n),
        weight: new Float64Array(buffer, at.weight, n),
        candidates: new Int32Array(buffer, at.candidates, d),
        kept: new Int32Array(buffer, at.kept, d),
        record: new Float64Array(buffer, at.record, 7),
        rng: new Int32Array(buffer, at.rng, 4),
      };
    }
    return this.views;
  }

  /** The grower's row order (partitioned in place). */
  get rows(): Int32Array {
    return this.v.rows;
  }

  /** Each row's weight if it is of class 1, else 0. */
  get grad(): Float64Array {
    return this.v.grad;
  }

  /** Each row's weight in the tree (0: not in its sample). */
  get weight(): Float64Array {
    return this.v.weight;
  }

  /** Hands the random stream to the kernel (before a run of `findSplit` or `growTree`). */
  takeRng(rng: Rng): void {
    rng.saveState(this.v.rng);
  }

  /** Gives the random stream back (after a run of `findSplit` or `growTree`). */
  returnRng(rng: Rng): void {
    rng.loadState(this.v.rng);
  }

  /**
   * Finds the best split of the node rows[start..end) with `totals` among `candidates` (see
   * SampledEvaluator.findSplit): returns its split record, or null; `keptCandidates` is then the
   * children's candidates.
   */
  findSplit(start: number, end: number, totals: Float64Array, parentScore: number, candidates: Int32Array): Float64Array | null {
    const v = this.v;
    // Siblings share their parent's candidates: copied in once for both.
    if (candidates !== this.lastCandidates) {
      v.candidates.set(candidates);
      this.lastCandidates = candidates;
    }
    const kept = this.kernel.findSplit(start, end, totals[0], totals[1], totals[2], parentScore, candidates.length);
    this.keptCandidates = kept < 0 ? candidates : v.kept.slice(0, kept);
    return v.record[1] >= 0 ? v.record.slice() : null;
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
    const buffer = this.buffer;
    const cap = this.capacity;
    const o = this.at.out;
    return {
      nOutputs: 1,
      treeStart: Int32Array.of(0, nodes),
      feature: new Int32Array(buffer, o, nodes).slice(),
      left: new Int32Array(buffer, o + 4 * cap, nodes).slice(),
      right: new Int32Array(buffer, o + 8 * cap, nodes).slice(),
      threshold: new Float64Array(buffer, o + 12 * cap, nodes).slice(),
      value: new Float64Array(buffer, o + 20 * cap, nodes).slice(),
      cover: new Float64Array(buffer, o + 28 * cap, nodes).slice(),
      gain: new Float64Array(buffer, o + 36 * cap, nodes).slice(),
      defaultLeft: new Uint8Array(buffer, o + 44 * cap, nodes).slice(),
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
