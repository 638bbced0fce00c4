import { type BinnedDataset, type FeatureLayout, NO_SKIP } from './binned-dataset.js';
import { HIST_STRIDE, type KernelBuffers, type KernelConfig } from './histogram-kernel.js';

/*
 * How the histogram kernel's work is cut: the stored columns ("groups") in contiguous shares of
 * about equal cost, one per thread, and each share's row-major copies for the row-wise pass.
 * Done once per fit, before the first tree.
 */

/**
 * Splits groups into `nShares` contiguous shares of about equal cost: the cells a row-wise pass
 * visits (every row of a dense group, the non-skipped rows of a sparse one) plus `binWeight`
 * per bin to clear, subtract and scan (see `binWeight`).
 */
export function splitGroups(layout: FeatureLayout, sparseStart: Int32Array, nShares: number, binWeight: number): Int32Array {
  const cost = new Float64Array(layout.nGroups);
  let total = 0;
  for (let g = 0; g < layout.nGroups; g++) {
    const bins = layout.groupBinStart[g + 1] - layout.groupBinStart[g];
    const cells = layout.groupSkipBin[g] === NO_SKIP ? layout.rows : sparseStart[g + 1] - sparseStart[g];
    cost[g] = cells + binWeight * bins;
    total += cost[g];
  }
  const splits = new Int32Array(nShares + 1);
  let acc = 0;
  let k = 1;
  for (let g = 0; g < layout.nGroups && k < nShares; g++) {
    acc += cost[g];
    if (acc >= (total * k) / nShares) splits[k++] = g + 1;
  }
  for (; k <= nShares; k++) splits[k] = layout.nGroups;
  return splits;
}

/**
 * What a bin costs relative to a cell of a row-wise pass, for trees of at most `leaves` leaves.
 * A tree passes over its rows about 1 + (levels − 1) / 2 times (the root, then the smaller child
 * of each split, level by level), but clears, subtracts and scans every bin for each node it
 * evaluates, at about three cell-costs a bin. For depth 6 this gives 54: measured on x-education
 * (300 trees of depth 6, two shares), a bin cost 50 cells; with the weight 8 used before, the
 * first share took 61% of the time.
 */
export function binWeight(leaves: number, leafWise: boolean): number {
  const L = Math.max(2, leaves);
  const evaluated = leafWise ? 2 * L - 1 : L - 1;
  const passes = 1 + (Math.log2(L) - 1) / 2;
  return Math.max(8, (3 * evaluated) / passes);
}

/** The row-major copies of the row-wise pass for the given shares of groups. */
export function rowWiseCopies(
  data: BinnedDataset,
  groupSplits: Int32Array,
  alloc: (bytes: number) => ArrayBuffer | SharedArrayBuffer,
): Pick<KernelBuffers, 'rowDense' | 'rowSparseStart' | 'rowSparse'> &
  Pick<KernelConfig, 'denseOffsets' | 'denseGroupStart' | 'rowDenseStart'> {
  const { layout, bins } = data;
  const n = layout.rows;
  const nShares = groupSplits.length - 1;
  const denseGroups: number[] = [];
  const denseGroupStart = new Int32Array(nShares + 1);
  const rowDenseStart = new Float64Array(nShares + 1);
  for (let s = 0; s < nShares; s++) {
    denseGroupStart[s] = denseGroups.length;
    rowDenseStart[s] = denseGroups.length * n;
    for (let g = groupSplits[s]; g < groupSplits[s + 1]; g++) if (layout.groupSkipBin[g] === NO_SKIP) denseGroups.push(g);
  }
  denseGroupStart[nShares] = denseGroups.length;
  rowDenseStart[nShares] = denseGroups.length * n;
  const rowDense = new Uint8Array(alloc(denseGroups.length * n));
  for (let s = 0; s < nShares; s++) {
    const nd = denseGroupStart[s + 1] - denseGroupStart[s];
    for (let q = 0; q < nd; q++) {
      const column = denseGroups[denseGroupStart[s] + q] * n;
      for (let i = 0, o = rowDenseStart[s] + q; i < n; i++, o += nd) rowDense[o] = bins[column + i];
    }
  }
  // Sparse cells by row: count per (share, row), then place in row order, groups in order within a row.
  const rowSparseStart = new Int32Array(alloc(nShares * (n + 1) * 4));
  const total = data.sparseStart[layout.nGroups];
  const rowSparse = new Int32Array(alloc(total * 4));
  for (let s = 0, e = 0; s < nShares; s++) {
    const base = s * (n + 1);
    for (let g = groupSplits[s]; g < groupSplits[s + 1]; g++) {
      for (let c = data.sparseStart[g]; c < data.sparseStart[g + 1]; c++) rowSparseStart[base + data.sparseRows[c] + 1]++;
    }
    rowSparseStart[base] = e;
    for (let i = 0; i < n; i++) rowSparseStart[base + i + 1] += rowSparseStart[base + i];
    const next = rowSparseStart.slice(base, base + n);
    for (let g = groupSplits[s]; g < groupSplits[s + 1]; g++) {
      for (let c = data.sparseStart[g]; c < data.sparseStart[g + 1]; c++) {
        rowSparse[next[data.sparseRows[c]]++] = (layout.groupBinStart[g] + data.sparseBins[c]) * HIST_STRIDE;
      }
    }
    e = rowSparseStart[base + n];
  }
  const denseOffsets = Int32Array.from(denseGroups, (g) => layout.groupBinStart[g] * HIST_STRIDE);
  return { rowDense, rowSparseStart, rowSparse, denseOffsets, denseGroupStart, rowDenseStart };
}
