import type { TreeTableData } from './tree-table.js';
import { WASM_MIN_WALKS, WasmTreePredict } from './wasm-tree-predict.js';

/** Deepest trees laid out completely (2^depth leaves each); deeper trees keep the node-table walk. */
export const MAX_COMPLETE_DEPTH = 10;
/** A layout may hold at most this many times the table's own nodes (padding of lopsided trees). */
const MAX_PADDING = 8;
/** Rows walked together through a tree, each its own chain of loads, so the walks overlap. */
const LANES = 8;
/** Rows per block: every tree is walked for a block of rows while it sits in cache. */
export const BLOCK_ROWS = 128;

/** Layouts made in this thread so far (each gets the next number). */
let layoutCount = 0;

/**
 * Single-output trees of limited depth padded to complete binary trees in breadth-first order, so
 * a row's walk is `k = 2k + 1 + (value > threshold)`, depth steps without a branch to mispredict,
 * and eight rows are walked at once. A leaf above the last level is padded with pass-through
 * nodes that always go left (threshold +∞, missing left) down to a copy of its value. All arrays
 * live in shared memory so prediction threads read them without copies.
 *
 * Results equal the node table's walk exactly (same leaf, same sums in the same tree order).
 */
export class CompleteTreeLayout {
  /** Unique in its thread (prediction jobs name the layout they are for by it). */
  readonly id = ++layoutCount;
  readonly depth: number;
  readonly nTrees: number;
  /** Split feature per inner slot (nTrees × (2^depth − 1)). */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** 1 where a missing value goes right. */
  readonly missingRight: Int32Array;
  /** Leaf values per leaf slot (nTrees × 2^depth). */
  readonly leafValue: Float64Array;

  constructor(depth: number, nTrees: number, buffers?: LayoutBuffers) {
    this.depth = depth;
    this.nTrees = nTrees;
    const inner = nTrees * ((1 << depth) - 1);
    const leaves = nTrees * (1 << depth);
    this.feature = buffers?.feature ?? new Int32Array(new SharedArrayBuffer(4 * inner));
    this.threshold = buffers?.threshold ?? new Float64Array(new SharedArrayBuffer(8 * inner));
    this.missingRight = buffers?.missingRight ?? new Int32Array(new SharedArrayBuffer(4 * inner));
    this.leafValue = buffers?.leafValue ?? new Float64Array(new SharedArrayBuffer(8 * leaves));
  }

  /** The layout of a table's trees, or null when they are multi-output, too deep or too lopsided to pad. */
  static from(data: TreeTableData, depth: number): CompleteTreeLayout | null {
    const nTrees = data.treeStart.length - 1;
    if (data.nOutputs !== 1 || depth > MAX_COMPLETE_DEPTH || nTrees === 0) return null;
    if (nTrees * ((1 << (depth + 1)) - 1) > MAX_PADDING * data.feature.length) return null;
    const layout = new CompleteTreeLayout(depth, nTrees);
    const inner = (1 << depth) - 1;
    const { feature, threshold, missingRight, leafValue } = layout;
    threshold.fill(Number.POSITIVE_INFINITY);
    // (node, slot) pairs still to place; a leaf above the last level is carried down its left side.
    const stack: number[] = [];
    for (let t = 0; t < nTrees; t++) {
      stack.push(data.treeStart[t], 0);
      while (stack.length > 0) {
        const slot = stack.pop()!;
        const node = stack.pop()!;
        if (slot >= inner) {
          leafValue[t * (inner + 1) + slot - inner] = data.value[node];
          continue;
        }
        const at = t * inner + slot;
        if (data.feature[node] < 0) {
          // Pass-through: +∞ sends every value (and, missing going left, every NaN) left.
          stack.push(node, 2 * slot + 1, node, 2 * slot + 2);
          continue;
        }
        feature[at] = data.feature[node];
        threshold[at] = data.threshold[node];
        missingRight[at] = data.defaultLeft[node] ? 0 : 1;
        stack.push(data.left[node], 2 * slot + 1, data.right[node], 2 * slot + 2);
      }
    }
    return layout;
  }

  buffers(): LayoutBuffers {
    return { feature: this.feature, threshold: this.threshold, missingRight: this.missingRight, leafValue: this.leafValue };
  }

  /**
   * Adds the leaf values of trees [t0, t1) for rows [r0, r1) to `out` (see LeafSums). Enough
   * walks run as WebAssembly when the kernel is built (the same sums, bit for bit), unless
   * `kernel` is 'typescript'.
   */
  accumulate(sums: LeafSums, kernel: 'auto' | 'typescript' = 'auto'): void {
    const { x, cols, r0, r1, t0, t1, treeColumn } = sums;
    if (kernel === 'auto' && (r1 - r0) * (t1 - t0) >= WASM_MIN_WALKS) {
      const wasm = WasmTreePredict.of(this);
      if (wasm?.accumulate(sums)) return;
    }
    const clean = new Int32Array(BLOCK_ROWS);
    const missing = new Int32Array(BLOCK_ROWS);
    for (let b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
      const b1 = Math.min(r1, b0 + BLOCK_ROWS);
      // Rows with a missing value take the walk that looks at each node's missing direction.
      let nClean = 0;
      let nMissing = 0;
      for (let i = b0; i < b1; i++) {
        if (hasNaN(x, i * cols, cols)) missing[nMissing++] = i;
        else clean[nClean++] = i;
      }
      for (let t = t0; t < t1; t++) {
        const column = treeColumn ? treeColumn[t] : 0;
        this.walkClean(t, sums, clean, nClean, column);
        this.walkMissing(t, sums, missing, nMissing, column);
      }
    }
  }

  /** Tree t for the rows `rows[0..n)`, none of which has a missing value: eight walks at a time. */
  private walkClean(t: number, sums: LeafSums, rows: Int32Array, n: number, column: number): void {
    const { x, cols, out, outRow0, outCols } = sums;
    const F = this.feature;
    const T = this.threshold;
    const L = this.leafValue;
    const D = this.depth;
    const inner = (1 << D) - 1;
    const nodes = t * inner;
    const leaves = t * (inner + 1) - inner;
    let j = 0;
    for (; j + LANES <= n; j += LANES) {
      const a0 = rows[j] * cols;
      const a1 = rows[j + 1] * cols;
      const a2 = rows[j + 2] * cols;
      const a3 = rows[j + 3] * cols;
      const a4 = rows[j + 4] * cols;
      const a5 = rows[j + 5] * cols;
      const a6 = rows[j + 6] * cols;
      const a7 = rows[j + 7] * cols;
      let k0 = 0;
      let k1 = 0;
      let k2 = 0;
      let k3 = 0;
      let k4 = 0;
      let k5 = 0;
      let k6 = 0;
      let k7 = 0;
      for (let level = 0; level < D; level++) {
        let o = nodes + k0;
        k0 = 2 * k0 + 1 + +(x[a0 + F[o]] > T[o]);
        o = nodes + k1;
        k1 = 2 * k1 + 1 + +(x[a1 + F[o]] > T[o]);
        o = nodes + k2;
        k2 = 2 * k2 + 1 + +(x[a2 + F[o]] > T[o]);
        o = nodes + k3;
        k3 = 2 * k3 + 1 + +(x[a3 + F[o]] > T[o]);
        o = nodes + k4;
        k4 = 2 * k4 + 1 + +(x[a4 + F[o]] > T[o]);
        o = nodes + k5;
        k5 = 2 * k5 + 1 + +(x[a5 + F[o]] > T[o]);
        o = nodes + k6;
        k6 = 2 * k6 + 1 + +(x[a6 + F[o]] > T[o]);
        o = nodes + k7;
        k7 = 2 * k7 + 1 + +(x[a7 + F[o]] > T[o]);
      }
      out[(rows[j] - outRow0) * outCols + column] += L[leaves + k0];
      out[(rows[j + 1] - outRow0) * outCols + column] += L[leaves + k1];
      out[(rows[j + 2] - outRow0) * outCols + column] += L[leaves + k2];
      out[(rows[j + 3] - outRow0) * outCols + column] += L[leaves + k3];
      out[(rows[j + 4] - outRow0) * outCols + column] += L[leaves + k4];
      out[(rows[j + 5] - outRow0) * outCols + column] += L[leaves + k5];
      out[(rows[j + 6] - outRow0) * outCols + column] += L[leaves + k6];
      out[(rows[j + 7] - outRow0) * outCols + column] += L[leaves + k7];
    }
    for (; j < n; j++) {
      const a = rows[j] * cols;
      let k = 0;
      for (let level = 0; level < D; level++) {
        const o = nodes + k;
        k = 2 * k + 1 + +(x[a + F[o]] > T[o]);
      }
      out[(rows[j] - outRow0) * outCols + column] += L[leaves + k];
    }
  }

  /** Tree t for rows with missing values: a NaN goes right where its node's missing direction says so. */
  private walkMissing(t: number, sums: LeafSums, rows: Int32Array, n: number, column: number): void {
    const { x, cols, out, outRow0, outCols } = sums;
    const F = this.feature;
    const T = this.threshold;
    const M = this.missingRight;
    const D = this.depth;
    const inner = (1 << D) - 1;
    const nodes = t * inner;
    for (let j = 0; j < n; j++) {
      const a = rows[j] * cols;
      let k = 0;
      for (let level = 0; level < D; level++) {
        const o = nodes + k;
        const v = x[a + F[o]];
        k = 2 * k + 1 + (v > T[o] || (Number.isNaN(v) && M[o] === 1) ? 1 : 0);
      }
      out[(rows[j] - outRow0) * outCols + column] += this.leafValue[t * (inner + 1) + k - inner];
    }
  }
}

/**
 * Leaf values of trees [t0, t1) for rows [r0, r1) of a row-major matrix `x` with `cols` columns,
 * added to `out`: row i's at out[(i − outRow0) · outCols + column], where column is
 * treeColumn[t] (or 0 when treeColumn is null).
 */
export interface LeafSums {
  x: Float64Array;
  cols: number;
  r0: number;
  r1: number;
  t0: number;
  t1: number;
  out: Float64Array;
  outRow0: number;
  outCols: number;
  treeColumn: Int32Array | null;
}

export interface LayoutBuffers {
  feature: Int32Array;
  threshold: Float64Array;
  missingRight: Int32Array;
  leafValue: Float64Array;
}

function hasNaN(x: Float64Array, base: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const v = x[base + c];
    if (Number.isNaN(v)) return true;
  }
  return false;
}
