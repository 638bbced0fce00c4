// AssemblyScript (compiled to WebAssembly by `npm run build`, see README.md here).
//
// The walks of src/models/tree/complete-tree-layout.ts (CompleteTreeLayout.walkClean and
// walkMissing) for one block of rows: the same leaves added in the same tree order, so the sums
// are the same to the last bit. The host (src/models/tree/wasm-tree-predict.ts) copies a layout
// into this module's memory once, then per block copies the rows and their sums in, calls
// `accumulateBlock` and copies the sums back.
//
// Layout (byte addresses into memory): feature (i32) and threshold (f64) and missingRight (i32) per
// inner slot, nTrees × (2^depth − 1); leafValue (f64) per leaf slot, nTrees × 2^depth.

let feature: usize = 0;
let threshold: usize = 0;
let missingRight: usize = 0;
let leafValue: usize = 0;
let depth: i32 = 0;

export { heapStart } from './memory';

export function setLayout(featureAt: usize, thresholdAt: usize, missingRightAt: usize, leafValueAt: usize, treeDepth: i32): void {
  feature = featureAt;
  threshold = thresholdAt;
  missingRight = missingRightAt;
  leafValue = leafValueAt;
  depth = treeDepth;
}

/**
 * Adds the leaf values of trees [t0, t1) to the block's sums: row i of the block (`cols` values
 * at x + i · cols · 8) adds to out + (i · outCols + column) · 8, where column is the tree's entry
 * of `treeColumn` (0 when treeColumn is 0). `clean` lists the `nClean` rows without a missing
 * value, `missing` the `nMissing` others (i32 row numbers within the block).
 */
export function accumulateBlock(
  t0: i32,
  t1: i32,
  x: usize,
  cols: i32,
  clean: usize,
  nClean: i32,
  missing: usize,
  nMissing: i32,
  out: usize,
  outCols: i32,
  treeColumn: usize,
): void {
  const inner = (1 << depth) - 1;
  for (let t = t0; t < t1; t++) {
    const column = treeColumn ? load<i32>(treeColumn + ((<usize>t) << 2)) : 0;
    walkClean(t * inner, t * (inner + 1) - inner, x, cols, clean, nClean, out, outCols, column);
    walkMissing(t * inner, t * (inner + 1) - inner, x, cols, missing, nMissing, out, outCols, column);
  }
}

/**
 * Sorts the block's `nb` rows into those without a missing value (listed at `clean`) and the
 * others (at `missing`); returns how many are clean.
 */
export function classify(x: usize, nb: i32, cols: i32, clean: usize, missing: usize): i32 {
  let nClean = 0;
  let nMissing = 0;
  for (let i = 0; i < nb; i++) {
    const row = x + ((<usize>i * <usize>cols) << 3);
    let c = 0;
    // biome-ignore lint/suspicious/noGlobalIsNan: AssemblyScript's isNaN<f64> builtin (no conversion)
    while (c < cols && !isNaN(load<f64>(row + ((<usize>c) << 3)))) c++;
    if (c < cols) {
      store<i32>(missing + ((<usize>nMissing) << 2), i);
      nMissing++;
    } else {
      store<i32>(clean + ((<usize>nClean) << 2), i);
      nClean++;
    }
  }
  return nClean;
}

/** The next slot below `k` for the row at `row`: 2k + 1, plus 1 when its value is above the threshold. */
function down(nodes: i32, k: i32, row: usize): i32 {
  const o = <usize>(nodes + k);
  const v = load<f64>(row + ((<usize>load<i32>(feature + (o << 2))) << 3));
  return 2 * k + 1 + i32(v > load<f64>(threshold + (o << 3)));
}

function addLeaf(out: usize, outCols: i32, column: i32, i: i32, leaf: i32): void {
  const at = out + ((<usize>(i * outCols + column)) << 3);
  store<f64>(at, load<f64>(at) + load<f64>(leafValue + ((<usize>leaf) << 3)));
}

/** Rows without missing values, eight walks at a time (independent chains of loads). */
function walkClean(
  nodes: i32,
  leaves: i32,
  x: usize,
  cols: i32,
  rows: usize,
  n: i32,
  out: usize,
  outCols: i32,
  column: i32,
): void {
  const rowBytes = (<usize>cols) << 3;
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const i0 = load<i32>(rows + ((<usize>(j + 0)) << 2));
    const i1 = load<i32>(rows + ((<usize>(j + 1)) << 2));
    const i2 = load<i32>(rows + ((<usize>(j + 2)) << 2));
    const i3 = load<i32>(rows + ((<usize>(j + 3)) << 2));
    const i4 = load<i32>(rows + ((<usize>(j + 4)) << 2));
    const i5 = load<i32>(rows + ((<usize>(j + 5)) << 2));
    const i6 = load<i32>(rows + ((<usize>(j + 6)) << 2));
    const i7 = load<i32>(rows + ((<usize>(j + 7)) << 2));
    const a0 = x + <usize>i0 * rowBytes;
    const a1 = x + <usize>i1 * rowBytes;
    const a2 = x + <usize>i2 * rowBytes;
    const a3 = x + <usize>i3 * rowBytes;
    const a4 = x + <usize>i4 * rowBytes;
    const a5 = x + <usize>i5 * rowBytes;
    const a6 = x + <usize>i6 * rowBytes;
    const a7 = x + <usize>i7 * rowBytes;
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    let k4 = 0;
    let k5 = 0;
    let k6 = 0;
    let k7 = 0;
    for (let level = 0; level < depth; level++) {
      k0 = down(nodes, k0, a0);
      k1 = down(nodes, k1, a1);
      k2 = down(nodes, k2, a2);
      k3 = down(nodes, k3, a3);
      k4 = down(nodes, k4, a4);
      k5 = down(nodes, k5, a5);
      k6 = down(nodes, k6, a6);
      k7 = down(nodes, k7, a7);
    }
    addLeaf(out, outCols, column, i0, leaves + k0);
    addLeaf(out, outCols, column, i1, leaves + k1);
    addLeaf(out, outCols, column, i2, leaves + k2);
    addLeaf(out, outCols, column, i3, leaves + k3);
    addLeaf(out, outCols, column, i4, leaves + k4);
    addLeaf(out, outCols, column, i5, leaves + k5);
    addLeaf(out, outCols, column, i6, leaves + k6);
    addLeaf(out, outCols, column, i7, leaves + k7);
  }
  for (; j < n; j++) {
    const i = load<i32>(rows + ((<usize>j) << 2));
    const a = x + <usize>i * rowBytes;
    let k = 0;
    for (let level = 0; level < depth; level++) k = down(nodes, k, a);
    addLeaf(out, outCols, column, i, leaves + k);
  }
}

/** Rows with a missing value: a NaN goes right where its slot's missing direction says so. */
function walkMissing(
  nodes: i32,
  leaves: i32,
  x: usize,
  cols: i32,
  rows: usize,
  n: i32,
  out: usize,
  outCols: i32,
  column: i32,
): void {
  const rowBytes = (<usize>cols) << 3;
  for (let j = 0; j < n; j++) {
    const i = load<i32>(rows + ((<usize>j) << 2));
    const a = x + <usize>i * rowBytes;
    let k = 0;
    for (let level = 0; level < depth; level++) {
      const o = <usize>(nodes + k);
      const v = load<f64>(a + ((<usize>load<i32>(feature + (o << 2))) << 3));
      // biome-ignore lint/suspicious/noGlobalIsNan: AssemblyScript's isNaN<f64> builtin (no conversion)
      const right = v > load<f64>(threshold + (o << 3)) || (isNaN(v) && load<i32>(missingRight + (o << 2)) === 1);
      k = 2 * k + 1 + i32(right);
    }
    addLeaf(out, outCols, column, i, leaves + k);
  }
}
