import type { PathTables } from './path-tables.js';

/*
 * The inner loops of the tabulated Tree SHAP, for one tree and a block of rows. `scratch` holds,
 * per row of the block (`stride` slots apart) and per step (internal node) of the tree, the mask
 * of path features the row has left the path on above the step, shifted left once, with the side
 * the row takes at the step in the low bit. Slot `stride − 1` of each row is the root's parent
 * and stays 0. Both loops run over the block's rows innermost, so that a step's or a unit's
 * record is read once per block, and no two consecutive additions go to the same place.
 */

/**
 * Walks tree t's steps in depth-first order, each taking its parent's mask. Branch-free: the
 * side is computed as 0 / 1 (`v > thr`, or missing when missing values go right).
 */
export function walkSteps(
  T: PathTables,
  t: number,
  rows: Float64Array,
  b0: number,
  b1: number,
  d: number,
  scratch: Int32Array,
  stride: number,
): void {
  const { stepF64, stepI32 } = T;
  const s0 = T.stepStart[t];
  const s1 = T.stepStart[t + 1];
  for (let s = s0; s < s1; s++) {
    const word = stepI32[4 * s + 3];
    const parent = word >>> 12;
    const parentBit = ((word >> 4) & 1) << (word & 15);
    const isRight = (word >> 10) & 1;
    const missingRight = (word >> 11) & 1;
    const thr = stepF64[2 * s];
    const here = s - s0;
    for (let i = b0, at = 0, x = b0 * d + stepI32[4 * s + 2]; i < b1; i++, at += stride, x += d) {
      const up = scratch[at + parent];
      const mask = (up >> 1) | (parentBit & -((up & 1) ^ isRight));
      const v = rows[x];
      scratch[at + here] = (mask << 1) | +(v > thr) | (+!(v <= thr) & missingRight);
    }
  }
}

/**
 * Adds the table row of each unit of a group (see PathTables) to `out` for every row of the block
 * (row i at `(i − r0) · d`). The usual widths are unrolled, reading the table row before adding it.
 */
export function addUnitRows(
  T: PathTables,
  group: number,
  b0: number,
  b1: number,
  d: number,
  scratch: Int32Array,
  stride: number,
  out: Float64Array,
  r0: number,
): void {
  const { units, unitFeatures: f, values: v } = T;
  const width = T.groupWidth[group];
  for (let g = T.unitStart[group]; g < T.unitStart[group + 1]; g++) {
    const u = 8 * g;
    const step0 = units[u];
    const step1 = units[u + 1];
    const step2 = units[u + 2];
    const table = units[u + 3];
    const k = units[u + 4];
    const above = units[u + 5];
    const first = (b0 - r0) * d;
    switch (width) {
      case 3: {
        const f0 = f[k];
        const f1 = f[k + 1];
        const f2 = f[k + 2];
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * 3;
          const a0 = v[at];
          const a1 = v[at + 1];
          const a2 = v[at + 2];
          out[o + f0] += a0;
          out[o + f1] += a1;
          out[o + f2] += a2;
        }
        break;
      }
      case 4: {
        const f0 = f[k];
        const f1 = f[k + 1];
        const f2 = f[k + 2];
        const f3 = f[k + 3];
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * 4;
          const a0 = v[at];
          const a1 = v[at + 1];
          const a2 = v[at + 2];
          const a3 = v[at + 3];
          out[o + f0] += a0;
          out[o + f1] += a1;
          out[o + f2] += a2;
          out[o + f3] += a3;
        }
        break;
      }
      case 5: {
        const f0 = f[k];
        const f1 = f[k + 1];
        const f2 = f[k + 2];
        const f3 = f[k + 3];
        const f4 = f[k + 4];
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * 5;
          const a0 = v[at];
          const a1 = v[at + 1];
          const a2 = v[at + 2];
          const a3 = v[at + 3];
          const a4 = v[at + 4];
          out[o + f0] += a0;
          out[o + f1] += a1;
          out[o + f2] += a2;
          out[o + f3] += a3;
          out[o + f4] += a4;
        }
        break;
      }
      case 6: {
        const f0 = f[k];
        const f1 = f[k + 1];
        const f2 = f[k + 2];
        const f3 = f[k + 3];
        const f4 = f[k + 4];
        const f5 = f[k + 5];
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * 6;
          const a0 = v[at];
          const a1 = v[at + 1];
          const a2 = v[at + 2];
          const a3 = v[at + 3];
          const a4 = v[at + 4];
          const a5 = v[at + 5];
          out[o + f0] += a0;
          out[o + f1] += a1;
          out[o + f2] += a2;
          out[o + f3] += a3;
          out[o + f4] += a4;
          out[o + f5] += a5;
        }
        break;
      }
      case 7: {
        const f0 = f[k];
        const f1 = f[k + 1];
        const f2 = f[k + 2];
        const f3 = f[k + 3];
        const f4 = f[k + 4];
        const f5 = f[k + 5];
        const f6 = f[k + 6];
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * 7;
          const a0 = v[at];
          const a1 = v[at + 1];
          const a2 = v[at + 2];
          const a3 = v[at + 3];
          const a4 = v[at + 4];
          const a5 = v[at + 5];
          const a6 = v[at + 6];
          out[o + f0] += a0;
          out[o + f1] += a1;
          out[o + f2] += a2;
          out[o + f3] += a3;
          out[o + f4] += a4;
          out[o + f5] += a5;
          out[o + f6] += a6;
        }
        break;
      }
      default:
        for (let i = b0, s = 0, o = first; i < b1; i++, s += stride, o += d) {
          const at = table + state(scratch, s, step0, step1, step2, above) * width;
          for (let j = 0; j < width; j++) out[o + f[k + j]] += v[at + j];
        }
    }
  }
}

/**
 * Adds each unit's table row for tables with one value per output (multi-class forests): entry
 * (state, feature k, output c) at `(state · width + k) · nOutputs + c`.
 */
export function addUnitRowsMulti(
  T: PathTables,
  group: number,
  b0: number,
  b1: number,
  d: number,
  scratch: Int32Array,
  stride: number,
  phi: Float64Array[],
  r0: number,
): void {
  const K = T.nOutputs;
  const width = T.groupWidth[group];
  const { units } = T;
  for (let g = T.unitStart[group]; g < T.unitStart[group + 1]; g++) {
    const u = 8 * g;
    for (let i = b0, s = 0, o = (b0 - r0) * d; i < b1; i++, s += stride, o += d) {
      const at = units[u + 3] + state(scratch, s, units[u], units[u + 1], units[u + 2], units[u + 5]) * width * K;
      for (let k = 0; k < width; k++) {
        const f = o + T.unitFeatures[units[u + 4] + k];
        for (let c = 0; c < K; c++) phi[c][f] += T.values[at + k * K + c];
      }
    }
  }
}

/**
 * A unit's table row for the row whose steps start at `scratch[s]`: the mask above its first
 * step, then the sides taken at its steps (a twig's second and third are the spare slot: 0).
 */
function state(scratch: Int32Array, s: number, step0: number, step1: number, step2: number, above: number): number {
  const h0 = scratch[s + step0];
  const sides = (h0 & 1) | ((scratch[s + step1] & 1) << 1) | ((scratch[s + step2] & 1) << 2);
  return (h0 >> 1) | (sides << above);
}
