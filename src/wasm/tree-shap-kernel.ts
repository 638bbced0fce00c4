// AssemblyScript (compiled to WebAssembly by `npm run build`, see src/wasm/README.md).
//
// The tabulated Tree SHAP kernel of src/explain/tabulated-kernel.ts for one-output models: the
// same loops, in the same order, so the contributions are the same to the last bit. The host
// (src/explain/wasm-tree-shap.ts) copies the model's path tables into this module's memory once,
// then for each block of rows copies the rows and their contributions in, calls `explainTrees`
// for each run of tabulated trees, and copies the contributions back.
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
//   scratch     i32, `stride` per row of the block (slot stride − 1 stays 0)
//   out         the block's contributions, f64, `d` per row

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

/** Adds the contributions of trees [t0, t1) (all tabulated) for the block's `nb` rows to `out`. */
export function explainTrees(t0: i32, t1: i32, nb: i32, d: i32, rows: usize, scratch: usize, stride: i32, out: usize): void {
  for (let t = t0; t < t1; t++) {
    walkSteps(t, nb, d, rows, scratch, stride);
    addUnitRows(2 * t, nb, d, scratch, stride, out);
    addUnitRows(2 * t + 1, nb, d, scratch, stride, out);
  }
}

/** Tree t's steps in depth-first order, each taking its parent's mask (see walkSteps in TypeScript). */
function walkSteps(t: i32, nb: i32, d: i32, rows: usize, scratch: usize, stride: i32): void {
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
function state(at: usize, step0: usize, step1: usize, step2: usize, above: i32): usize {
  const h0 = load<i32>(at + step0);
  const sides = (h0 & 1) | ((load<i32>(at + step1) & 1) << 1) | ((load<i32>(at + step2) & 1) << 2);
  return <usize>((h0 >> 1) | (sides << above));
}

function addTo(at: usize, value: f64): void {
  store<f64>(at, load<f64>(at) + value);
}

/** Adds the table row of each unit of a group to every row's contributions (see addUnitRows in TypeScript). */
function addUnitRows(group: i32, nb: i32, d: i32, scratch: usize, stride: i32, out: usize): void {
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
        const row = table + state(at, step0, step1, step2, above) * 24;
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
        const row = table + state(at, step0, step1, step2, above) * 32;
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
        const row = table + state(at, step0, step1, step2, above) * 40;
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
        const row = table + state(at, step0, step1, step2, above) * (w << 3);
        for (let j: usize = 0; j < w; j++) addTo(o + ((<usize>load<i32>(k + (j << 2))) << 3), load<f64>(row + (j << 3)));
        at += strideBytes;
        o += rowBytes;
      }
    }
  }
}
