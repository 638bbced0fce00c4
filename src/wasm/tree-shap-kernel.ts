// AssemblyScript (compiled to WebAssembly by `npm run build`, see src/wasm/README.md).
//
// The tabulated Tree SHAP kernel of src/explain/tabulated-kernel.ts for one-output models: the
// same masks and the same additions, in the same order for every contribution, so the
// contributions are the same to the last bit. The host (src/explain/wasm-tree-shap.ts) copies
// the model's path tables into this module's memory once, then for each block of rows copies
// the rows and their contributions in, calls `explainTrees` for each run of tabulated trees,
// and copies the contributions back. `explainTrees` works on feature-major copies of the block,
// four rows at a time (SIMD): each step compares four rows' values with one instruction, and
// each unit adds its table rows along consecutive rows of a contribution column.
//
// Layout (byte addresses into memory; see PathTables for what each record holds):
//   steps       16 bytes per step: threshold (f64), feature (i32), packed word (i32)
//   stepStart   i32 per tree + 1
//   units       8 × i32 per unit: step0, step1, step2, first table entry, first feature, above
//   unitStart   i32 per group (two per tree) + 1
//   groupWidth  i32 per group
//   features    i32 per unit and table column
//   values      f64 table entries
//   rows        the block's rows, f64, `d` per row
//   scratch     i32, step-major: `stride` steps of n slots (n: the block's rows rounded up to 4);
//               for fewer than 4 rows, row-major: `stride` slots per row
//   out         the block's contributions, f64, `d` per row
//   cols, outT  the rows and the contributions feature-major: `d` columns of n

import { i32At } from './memory';

let steps: usize = 0;
let stepStart: usize = 0;
let units: usize = 0;
let unitStart: usize = 0;
let groupWidth: usize = 0;
let features: usize = 0;
let values: usize = 0;

export { heapStart } from './memory';

export function setTables(
  stepsAt: usize,
  stepStartAt: usize,
  unitsAt: usize,
  unitStartAt: usize,
  groupWidthAt: usize,
  featuresAt: usize,
  valuesAt: usize,
): void {
  steps = stepsAt;
  stepStart = stepStartAt;
  units = unitsAt;
  unitStart = unitStartAt;
  groupWidth = groupWidthAt;
  features = featuresAt;
  values = valuesAt;
}

/**
 * Adds the contributions of trees [t0, t1) (all tabulated) for the block's `nb` rows to `out`.
 * The loops run on feature-major copies — `cols` (feature f of row i at f · n + i, n being nb
 * rounded up to a multiple of 4), `outT` the same for the contributions, and `scratch`
 * step-major (step s of row i at s · n + i) — so each step compares four rows at once and each
 * unit adds along consecutive rows. Every contribution still gets the same additions in the
 * same order (tree, group, unit), so the sums are the same to the last bit.
 */
export function explainTrees(
  t0: i32,
  t1: i32,
  nb: i32,
  d: i32,
  rows: usize,
  scratch: usize,
  stride: i32,
  out: usize,
  cols: usize,
  outT: usize,
): void {
  if (nb < 4) {
    // Fewer rows than a SIMD step takes: row by row, in place, scratch row-major (stride slots
    // per row, the last one the root's parent, reading 0).
    for (let i = 0; i < nb; i++) store<i32>(scratch + ((<usize>(i * stride + stride - 1)) << 2), 0);
    for (let t = t0; t < t1; t++) {
      walkStepsByRow(t, nb, d, rows, scratch, stride);
      addUnitRowsByRow(2 * t, nb, d, scratch, stride, out);
      addUnitRowsByRow(2 * t + 1, nb, d, scratch, stride, out);
    }
    return;
  }
  const n = (nb + 3) & ~3;
  // Rows (nb × d) and contributions into d columns of n.
  transpose(rows, d, cols, n, nb, d);
  transpose(out, d, outT, n, nb, d);
  // The root's parent slot (stride − 1) reads 0 for every row.
  memory.fill(scratch + ((<usize>(stride - 1) * <usize>n) << 2), 0, (<usize>n) << 2);
  for (let t = t0; t < t1; t++) {
    walkSteps(t, n, cols, scratch);
    addUnitRows(2 * t, n, scratch, outT);
    addUnitRows(2 * t + 1, n, scratch, outT);
  }
  transpose(outT, n, out, d, d, nb);
}

/**
 * Writes the transpose of `rows` × `cols` f64 at `from` (`fromStride` values a row) to `to`
 * (`toStride` values a row): value j of row i goes to value i of row j. Two rows and two
 * columns at a time.
 */
function transpose(from: usize, fromStride: i32, to: usize, toStride: i32, rows: i32, cols: i32): void {
  const fromRow = (<usize>fromStride) << 3;
  const toRow = (<usize>toStride) << 3;
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const a = from + <usize>i * fromRow;
    const b = a + fromRow;
    const column = to + ((<usize>i) << 3);
    let j = 0;
    for (; j + 1 < cols; j += 2) {
      const ra = v128.load(a + ((<usize>j) << 3));
      const rb = v128.load(b + ((<usize>j) << 3));
      v128.store(column + <usize>j * toRow, v128.shuffle<f64>(ra, rb, 0, 2));
      v128.store(column + <usize>(j + 1) * toRow, v128.shuffle<f64>(ra, rb, 1, 3));
    }
    if (j < cols) {
      store<f64>(column + <usize>j * toRow, load<f64>(a + ((<usize>j) << 3)));
      store<f64>(column + <usize>j * toRow, load<f64>(b + ((<usize>j) << 3)), 8);
    }
  }
  if (i < rows) {
    const a = from + <usize>i * fromRow;
    for (let j = 0; j < cols; j++) store<f64>(to + <usize>j * toRow + ((<usize>i) << 3), load<f64>(a + ((<usize>j) << 3)));
  }
}

/**
 * Tree t's steps in depth-first order, each taking its parent's mask (see walkSteps in
 * TypeScript), four rows at a time: a row goes right when v > threshold, or when v is not
 * ≤ threshold (missing) and missing values go right — that is, `!(v <= thr)` when they do and
 * `v > thr` when they do not. Rows nb to n − 1 are padding, computed and never read.
 */
function walkSteps(t: i32, n: i32, cols: usize, scratch: usize): void {
  const s0 = i32At(stepStart, t);
  const s1 = i32At(stepStart, t + 1);
  const nBytes = (<usize>n) << 2;
  const one = i32x4.splat(1);
  for (let s = s0; s < s1; s++) {
    const record = steps + ((<usize>s) << 4);
    const thr = f64x2.splat(load<f64>(record));
    const feature = load<i32>(record, 8);
    const word = load<i32>(record, 12);
    const parent = scratch + <usize>(<u32>word >>> 12) * nBytes;
    const parentBit = i32x4.splat(((word >> 4) & 1) << (word & 15));
    const isRight = i32x4.splat((word >> 10) & 1);
    const missingRight = (word >> 11) & 1;
    const here = scratch + <usize>(s - s0) * nBytes;
    const x = cols + ((<usize>feature * <usize>n) << 3);
    for (let i: usize = 0; i < <usize>n; i += 4) {
      const up = v128.load(parent + (i << 2));
      const mask = v128.or(i32x4.shr_s(up, 1), v128.and(parentBit, i32x4.neg(v128.xor(v128.and(up, one), isRight))));
      const a = v128.load(x + (i << 3));
      const b = v128.load(x + (i << 3), 16);
      const rightA = missingRight ? v128.not(f64x2.le(a, thr)) : f64x2.gt(a, thr);
      const rightB = missingRight ? v128.not(f64x2.le(b, thr)) : f64x2.gt(b, thr);
      const right = v128.and(v128.shuffle<i32>(rightA, rightB, 0, 2, 4, 6), one);
      v128.store(here + (i << 2), v128.or(i32x4.shl(mask, 1), right));
    }
  }
}

/** The table row offsets (bytes, `rowBytes` a row) of rows i to i + 3 of a unit whose steps' slots start at step0, step1, step2. */
function states(i: usize, step0: usize, step1: usize, step2: usize, above: i32, rowBytes: v128): v128 {
  const one = i32x4.splat(1);
  const h0 = v128.load(step0 + (i << 2));
  const sides = v128.or(
    v128.and(h0, one),
    v128.or(i32x4.shl(v128.and(v128.load(step1 + (i << 2)), one), 1), i32x4.shl(v128.and(v128.load(step2 + (i << 2)), one), 2)),
  );
  return i32x4.mul(v128.or(i32x4.shr_s(h0, 1), i32x4.shl(sides, above)), rowBytes);
}

/** The table rows of the four rows being added (set by `tableRows`). */
let r0: usize = 0;
let r1: usize = 0;
let r2: usize = 0;
let r3: usize = 0;

/** Sets r0 … r3 to the rows of `table` at the byte offsets `offsets` (four lanes). */
function tableRows(table: usize, offsets: v128): void {
  r0 = table + <usize>i32x4.extract_lane(offsets, 0);
  r1 = table + <usize>i32x4.extract_lane(offsets, 1);
  r2 = table + <usize>i32x4.extract_lane(offsets, 2);
  r3 = table + <usize>i32x4.extract_lane(offsets, 3);
}

/** Adds entry `e` of the table rows r0 … r3 to the contributions of rows i to i + 3 in column `o`. */
function addColumn(o: usize, i: usize, e: usize): void {
  const at = o + (i << 3);
  v128.store(at, f64x2.add(v128.load(at), f64x2.replace_lane(f64x2.splat(load<f64>(r0 + e)), 1, load<f64>(r1 + e))));
  v128.store(at, f64x2.add(v128.load(at, 16), f64x2.replace_lane(f64x2.splat(load<f64>(r2 + e)), 1, load<f64>(r3 + e))), 16);
}

/**
 * Adds the table row of each unit of a group to every row's contributions (see addUnitRows in
 * TypeScript), four rows at a time (rows nb to n − 1 are padding: their table rows are read and
 * their sums never).
 */
function addUnitRows(group: i32, n: i32, scratch: usize, outT: usize): void {
  const width = i32At(groupWidth, group);
  const nBytes = (<usize>n) << 2;
  const columnBytes = (<usize>n) << 3;
  const rowBytes = i32x4.splat(width << 3);
  const w = <usize>width;
  const g1 = i32At(unitStart, group + 1);
  for (let g = i32At(unitStart, group); g < g1; g++) {
    const unit = units + ((<usize>g) << 5);
    const step0 = scratch + <usize>load<i32>(unit) * nBytes;
    const step1 = scratch + <usize>load<i32>(unit, 4) * nBytes;
    const step2 = scratch + <usize>load<i32>(unit, 8) * nBytes;
    const table = values + ((<usize>load<i32>(unit, 12)) << 3);
    const k = features + ((<usize>load<i32>(unit, 16)) << 2);
    const above = load<i32>(unit, 20);
    if (width < 3 || width > 5) {
      for (let i: usize = 0; i < <usize>n; i += 4) {
        tableRows(table, states(i, step0, step1, step2, above, rowBytes));
        for (let j: usize = 0; j < w; j++) addColumn(outT + <usize>load<i32>(k + (j << 2)) * columnBytes, i, j << 3);
      }
      continue;
    }
    // Widths 3 to 5 (most groups) with their columns held.
    const o0 = outT + <usize>load<i32>(k) * columnBytes;
    const o1 = outT + <usize>load<i32>(k, 4) * columnBytes;
    const o2 = outT + <usize>load<i32>(k, 8) * columnBytes;
    const o3 = width > 3 ? outT + <usize>load<i32>(k, 12) * columnBytes : 0;
    const o4 = width > 4 ? outT + <usize>load<i32>(k, 16) * columnBytes : 0;
    for (let i: usize = 0; i < <usize>n; i += 4) {
      tableRows(table, states(i, step0, step1, step2, above, rowBytes));
      addColumn(o0, i, 0);
      addColumn(o1, i, 8);
      addColumn(o2, i, 16);
      if (width > 3) addColumn(o3, i, 24);
      if (width > 4) addColumn(o4, i, 32);
    }
  }
}

/** Tree t's steps for a block of fewer than four rows, row-major (each taking its parent's mask, as walkSteps in TypeScript). */
function walkStepsByRow(t: i32, nb: i32, d: i32, rows: usize, scratch: usize, stride: i32): void {
  const s0 = i32At(stepStart, t);
  const s1 = i32At(stepStart, t + 1);
  const rowBytes = (<usize>d) << 3;
  for (let s = s0; s < s1; s++) {
    const record = steps + ((<usize>s) << 4);
    const thr = load<f64>(record);
    const feature = load<i32>(record, 8);
    const word = load<i32>(record, 12);
    const parent = (<usize>(<u32>word >>> 12)) << 2;
    const parentBit = ((word >> 4) & 1) << (word & 15);
    const isRight = (word >> 10) & 1;
    const missingRight = (word >> 11) & 1;
    const here = (<usize>(s - s0)) << 2;
    let at = scratch;
    let x = rows + ((<usize>feature) << 3);
    for (let i = 0; i < nb; i++) {
      const up = load<i32>(at + parent);
      const mask = (up >> 1) | (parentBit & -((up & 1) ^ isRight));
      const v = load<f64>(x);
      store<i32>(at + here, (mask << 1) | i32(v > thr) | (i32(!(v <= thr)) & missingRight));
      at += (<usize>stride) << 2;
      x += rowBytes;
    }
  }
}

/** A unit's table row index for the row whose steps start at `at`. */
function stateByRow(at: usize, step0: usize, step1: usize, step2: usize, above: i32): usize {
  const h0 = load<i32>(at + step0);
  const sides = (h0 & 1) | ((load<i32>(at + step1) & 1) << 1) | ((load<i32>(at + step2) & 1) << 2);
  return <usize>((h0 >> 1) | (sides << above));
}

function addTo(at: usize, value: f64): void {
  store<f64>(at, load<f64>(at) + value);
}

/** Adds the table row of each unit of a group to the contributions of a block of fewer than four rows, row-major (see addUnitRows in TypeScript). */
function addUnitRowsByRow(group: i32, nb: i32, d: i32, scratch: usize, stride: i32, out: usize): void {
  const width = i32At(groupWidth, group);
  const rowBytes = (<usize>d) << 3;
  const strideBytes = (<usize>stride) << 2;
  const g1 = i32At(unitStart, group + 1);
  for (let g = i32At(unitStart, group); g < g1; g++) {
    const unit = units + ((<usize>g) << 5);
    const step0 = (<usize>load<i32>(unit)) << 2;
    const step1 = (<usize>load<i32>(unit, 4)) << 2;
    const step2 = (<usize>load<i32>(unit, 8)) << 2;
    const table = values + ((<usize>load<i32>(unit, 12)) << 3);
    const k = features + ((<usize>load<i32>(unit, 16)) << 2);
    const above = load<i32>(unit, 20);
    let at = scratch;
    let o = out;
    if (width === 3) {
      const f0 = (<usize>load<i32>(k)) << 3;
      const f1 = (<usize>load<i32>(k, 4)) << 3;
      const f2 = (<usize>load<i32>(k, 8)) << 3;
      for (let i = 0; i < nb; i++) {
        const row = table + stateByRow(at, step0, step1, step2, above) * 24;
        const a0 = load<f64>(row);
        const a1 = load<f64>(row, 8);
        const a2 = load<f64>(row, 16);
        addTo(o + f0, a0);
        addTo(o + f1, a1);
        addTo(o + f2, a2);
        at += strideBytes;
        o += rowBytes;
      }
    } else if (width === 4) {
      const f0 = (<usize>load<i32>(k)) << 3;
      const f1 = (<usize>load<i32>(k, 4)) << 3;
      const f2 = (<usize>load<i32>(k, 8)) << 3;
      const f3 = (<usize>load<i32>(k, 12)) << 3;
      for (let i = 0; i < nb; i++) {
        const row = table + stateByRow(at, step0, step1, step2, above) * 32;
        const a0 = load<f64>(row);
        const a1 = load<f64>(row, 8);
        const a2 = load<f64>(row, 16);
        const a3 = load<f64>(row, 24);
        addTo(o + f0, a0);
        addTo(o + f1, a1);
        addTo(o + f2, a2);
        addTo(o + f3, a3);
        at += strideBytes;
        o += rowBytes;
      }
    } else if (width === 5) {
      const f0 = (<usize>load<i32>(k)) << 3;
      const f1 = (<usize>load<i32>(k, 4)) << 3;
      const f2 = (<usize>load<i32>(k, 8)) << 3;
      const f3 = (<usize>load<i32>(k, 12)) << 3;
      const f4 = (<usize>load<i32>(k, 16)) << 3;
      for (let i = 0; i < nb; i++) {
        const row = table + stateByRow(at, step0, step1, step2, above) * 40;
        const a0 = load<f64>(row);
        const a1 = load<f64>(row, 8);
        const a2 = load<f64>(row, 16);
        const a3 = load<f64>(row, 24);
        const a4 = load<f64>(row, 32);
        addTo(o + f0, a0);
        addTo(o + f1, a1);
        addTo(o + f2, a2);
        addTo(o + f3, a3);
        addTo(o + f4, a4);
        at += strideBytes;
        o += rowBytes;
      }
    } else {
      const w = <usize>width;
      for (let i = 0; i < nb; i++) {
        const row = table + stateByRow(at, step0, step1, step2, above) * (w << 3);
        for (let j: usize = 0; j < w; j++) addTo(o + ((<usize>load<i32>(k + (j << 2))) << 3), load<f64>(row + (j << 3)));
        at += strideBytes;
        o += rowBytes;
      }
    }
  }
}
