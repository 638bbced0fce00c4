import { SerializationError } from '../../core/errors.js';
import { decodeArray, type EncodedArray, encodeArray } from '../../core/serialization.js';
import { CompleteTreeLayout } from './complete-tree-layout.js';
import { PredictPool } from './predict-pool.js';

/**
 * The trees of an ensemble frozen into flat typed arrays (one row per node, trees one after
 * another, children as absolute node indices, nodes of a tree in depth-first order so that an
 * internal node's left child is the next node). This is what predicts, what is serialized and
 * what TreeSHAP walks. A row goes left when `value ≤ threshold`; a missing value (NaN) goes
 * left when `defaultLeft` is 1.
 */
export interface TreeTableData {
  /** Values per leaf: 1 for boosting and binary forests, the number of classes for multi-class forests. */
  nOutputs: number;
  /** First node of each tree; length nTrees + 1. */
  treeStart: Int32Array;
  /** Split feature, −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  /** Left child: always the next node (depth-first order); −1 for a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Leaf values, nOutputs per node (0 for internal nodes). */
  value: Float64Array;
  /** Hessian (boosting) or weight (forest) of the training rows that reached the node. */
  cover: Float64Array;
  /** Gain of the node's split (0 for leaves). */
  gain: Float64Array;
}

export type EncodedTreeTable = { nOutputs: number } & Record<Exclude<keyof TreeTableData, 'nOutputs'>, EncodedArray>;

/** Rows per block when predicting with small trees: each tree is walked for a block of rows while it sits in cache. */
const MIN_BLOCK_ROWS = 256;
/** Rows per block with large trees (fully grown forest trees), so that each tree is fetched into cache less often. */
const MAX_BLOCK_ROWS = 4096;
/** Row × tree walks from which building the complete-tree layout pays. */
const LAYOUT_MIN_WALKS = 1 << 16;

export class TreeTable {
  readonly data: TreeTableData;
  /**
   * The nodes for traversal, 16 bytes each in one buffer, so a step reads one cache line:
   * node k holds its threshold at `nodeF64[2k]` (for a single-output leaf: its value), its feature
   * at `nodeI32[4k + 2]` and its right child at `nodeI32[4k + 3]`.
   */
  private readonly nodeF64: Float64Array;
  private readonly nodeI32: Int32Array;
  private readonly blockRows: number;
  /** Complete-tree layout for fast prediction: built on first use, null when the trees don't suit it. */
  private layout: CompleteTreeLayout | null | undefined;

  constructor(data: TreeTableData) {
    this.data = data;
    const n = data.feature.length;
    const buffer = new ArrayBuffer(16 * n);
    this.nodeF64 = new Float64Array(buffer);
    this.nodeI32 = new Int32Array(buffer);
    for (let k = 0; k < n; k++) {
      const leaf = data.feature[k] < 0;
      if (!leaf && data.left[k] !== k + 1) {
        throw new SerializationError(`tree table: node ${k} is not in depth-first order (its left child is not node ${k + 1})`);
      }
      this.nodeF64[2 * k] = leaf ? (data.nOutputs === 1 ? data.value[k] : 0) : data.threshold[k];
      this.nodeI32[4 * k + 2] = leaf ? -1 : data.feature[k];
      this.nodeI32[4 * k + 3] = data.right[k];
    }
    // Larger trees are reused over more rows per block (the block of rows then outgrows the cache,
    // but reading a big tree again costs more).
    const nodesPerTree = n / Math.max(1, data.treeStart.length - 1);
    this.blockRows = Math.min(MAX_BLOCK_ROWS, Math.max(MIN_BLOCK_ROWS, 2 ** Math.round(Math.log2(nodesPerTree / 4))));
  }

  get nTrees(): number {
    return this.data.treeStart.length - 1;
  }

  get nNodes(): number {
    return this.data.feature.length;
  }

  /** Leaf node index reached by the row at `data[base..]` in tree t. */
  leafOf(t: number, rowData: Float64Array, base: number): number {
    const F = this.nodeF64;
    const I = this.nodeI32;
    const defaultLeft = this.data.defaultLeft;
    let k = this.data.treeStart[t];
    for (;;) {
      const f = I[4 * k + 2];
      if (f < 0) return k;
      const v = rowData[base + f];
      const thr = F[2 * k];
      k = v <= thr ? k + 1 : v > thr || defaultLeft[k] === 0 ? I[4 * k + 3] : k + 1;
    }
  }

  /**
   * Adds the leaf values of trees [t0, t1) to `out` (rows × outCols, row-major) for rows
   * [r0, r1) of a row-major matrix with `cols` columns. Single-output trees add to column
   * `treeColumn[t]` (or 0); multi-output trees add their nOutputs values to columns 0...
   * With `threads` > 1 a large batch of shallow trees is shared with a prediction worker.
   */
  accumulate(
    rowData: Float64Array,
    cols: number,
    r0: number,
    r1: number,
    t0: number,
    t1: number,
    out: Float64Array,
    outCols: number,
    treeColumn: Int32Array | null,
    threads = 1,
  ): void {
    const layout = (r1 - r0) * (t1 - t0) >= LAYOUT_MIN_WALKS ? this.completeLayout() : null;
    if (layout) {
      const sums = { x: rowData, cols, r0, r1, t0, t1, out, outRow0: 0, outCols, treeColumn };
      PredictPool.shared().accumulate(layout, threads, sums);
      return;
    }
    const { value, nOutputs } = this.data;
    const F = this.nodeF64;
    for (let b0 = r0; b0 < r1; b0 += this.blockRows) {
      const b1 = Math.min(r1, b0 + this.blockRows);
      for (let t = t0; t < t1; t++) {
        const column = treeColumn ? treeColumn[t] : 0;
        for (let i = b0; i < b1; i++) {
          const leaf = this.leafOf(t, rowData, i * cols);
          if (nOutputs === 1) out[i * outCols + column] += F[2 * leaf];
          else for (let k = 0; k < nOutputs; k++) out[i * outCols + k] += value[leaf * nOutputs + k];
        }
      }
    }
  }

  /** The complete-tree layout of these trees (built once), or null when they are too deep or multi-output. */
  completeLayout(): CompleteTreeLayout | null {
    if (this.layout === undefined) this.layout = CompleteTreeLayout.from(this.data, this.maxDepth());
    return this.layout;
  }

  /** The first `nTrees` trees as a new table. */
  slice(nTrees: number): TreeTable {
    const d = this.data;
    const end = d.treeStart[nTrees];
    return new TreeTable({
      nOutputs: d.nOutputs,
      treeStart: d.treeStart.slice(0, nTrees + 1),
      feature: d.feature.slice(0, end),
      threshold: d.threshold.slice(0, end),
      defaultLeft: d.defaultLeft.slice(0, end),
      left: d.left.slice(0, end),
      right: d.right.slice(0, end),
      value: d.value.slice(0, end * d.nOutputs),
      cover: d.cover.slice(0, end),
      gain: d.gain.slice(0, end),
    });
  }

  /** The trees of several tables (or their data), in order, as one table (all with the same number of outputs). */
  static concat(tables: readonly (TreeTable | TreeTableData)[]): TreeTable {
    const parts = tables.map((table) => (table instanceof TreeTable ? table.data : table));
    const nOutputs = parts[0]?.nOutputs ?? 1;
    let nodes = 0;
    let trees = 0;
    for (const d of parts) {
      if (d.nOutputs !== nOutputs) throw new Error('TreeTable.concat: tables with different numbers of outputs');
      nodes += d.feature.length;
      trees += d.treeStart.length - 1;
    }
    const out: TreeTableData = {
      nOutputs,
      treeStart: new Int32Array(trees + 1),
      feature: new Int32Array(nodes),
      threshold: new Float64Array(nodes),
      defaultLeft: new Uint8Array(nodes),
      left: new Int32Array(nodes),
      right: new Int32Array(nodes),
      value: new Float64Array(nodes * nOutputs),
      cover: new Float64Array(nodes),
      gain: new Float64Array(nodes),
    };
    let at = 0;
    let t = 0;
    for (const d of parts) {
      for (let k = 0; k < d.treeStart.length - 1; k++) out.treeStart[t++] = at + d.treeStart[k];
      out.feature.set(d.feature, at);
      out.threshold.set(d.threshold, at);
      out.defaultLeft.set(d.defaultLeft, at);
      out.value.set(d.value, at * nOutputs);
      out.cover.set(d.cover, at);
      out.gain.set(d.gain, at);
      // Children move with their tree; a leaf's −1 stays.
      for (let k = 0; k < d.feature.length; k++) {
        out.left[at + k] = d.left[k] < 0 ? -1 : d.left[k] + at;
        out.right[at + k] = d.right[k] < 0 ? -1 : d.right[k] + at;
      }
      at += d.feature.length;
    }
    out.treeStart[trees] = at;
    return new TreeTable(out);
  }

  /** Depth of the deepest leaf over all trees (root = 0). */
  maxDepth(): number {
    const { treeStart, feature, left, right } = this.data;
    let deepest = 0;
    const stack: number[] = [];
    for (let t = 0; t < this.nTrees; t++) {
      stack.push(treeStart[t], 0);
      while (stack.length > 0) {
        const depth = stack.pop()!;
        const node = stack.pop()!;
        if (feature[node] < 0) deepest = Math.max(deepest, depth);
        else stack.push(left[node], depth + 1, right[node], depth + 1);
      }
    }
    return deepest;
  }

  toJSON(): EncodedTreeTable {
    const d = this.data;
    return {
      nOutputs: d.nOutputs,
      treeStart: encodeArray(d.treeStart),
      feature: encodeArray(d.feature),
      threshold: encodeArray(d.threshold),
      defaultLeft: encodeArray(d.defaultLeft),
      left: encodeArray(d.left),
      right: encodeArray(d.right),
      value: encodeArray(d.value),
      cover: encodeArray(d.cover),
      gain: encodeArray(d.gain),
    };
  }

  static fromJSON(json: EncodedTreeTable): TreeTable {
    if (!json || !Number.isInteger(json.nOutputs) || json.nOutputs < 1) throw new SerializationError('tree table: bad nOutputs');
    const data: TreeTableData = {
      nOutputs: json.nOutputs,
      treeStart: decodeArray<Int32Array>(json.treeStart),
      feature: decodeArray<Int32Array>(json.feature),
      threshold: decodeArray<Float64Array>(json.threshold),
      defaultLeft: decodeArray<Uint8Array>(json.defaultLeft),
      left: decodeArray<Int32Array>(json.left),
      right: decodeArray<Int32Array>(json.right),
      value: decodeArray<Float64Array>(json.value),
      cover: decodeArray<Float64Array>(json.cover),
      gain: decodeArray<Float64Array>(json.gain),
    };
    assertConsistent(data);
    return new TreeTable(data);
  }
}

function assertConsistent(d: TreeTableData): void {
  const n = d.feature.length;
  const same = [d.threshold, d.defaultLeft, d.left, d.right, d.cover, d.gain].every((a) => a.length === n);
  if (!same || d.value.length !== n * d.nOutputs || d.treeStart[d.treeStart.length - 1] !== n) {
    throw new SerializationError('tree table: node arrays have different lengths');
  }
  for (let k = 0; k < n; k++) {
    if (d.feature[k] >= 0 && (d.left[k] <= k || d.right[k] <= k || d.left[k] >= n || d.right[k] >= n)) {
      throw new SerializationError(`tree table: node ${k} has children outside the table`);
    }
  }
}
