import { type FeatureLayout, NO_SKIP } from './binned-dataset.js';
import { nodeScore, resetSplit, type SplitParams, scanFeature, splitRecordSize, unbundleFeature } from './split-finder.js';

/**
 * The gradient-histogram kernel shared by the main thread and the histogram worker threads.
 * The stored columns ("groups") are cut into shares of about equal cost. For a batch of jobs,
 * every thread claims shares one at a time (so a thread that finishes early takes more) and for
 * each: builds the histogram of a node from its rows, derives a sibling's by subtraction
 * (parent − built child), then finds each node's best split among the share's features, written
 * per share and job. The main thread keeps the best of them (higher gain, then lower feature
 * index), so the result depends neither on the number of threads nor on who ran which share.
 */

/** Job fields (Int32): kind, slot, start, end, parent slot, sibling slot, mask index (−1 = tree mask), find (1/0). */
export const JOB_INTS = 8;
export const JOB_BUILD = 0;
export const JOB_SUBTRACT = 1;
/** Gradient, hessian, count: boosting trees have one gradient channel. */
export const HIST_STRIDE = 3;

/** Control words (Int32) for the Atomics handshake (see histogram-workers). */
/** Generation of the current batch (1, 2, …). */
export const CTRL_GEN = 0;
/** Shares of the current batch finished (by any thread). */
export const CTRL_FINISHED = 1;
export const CTRL_CMD = 2;
export const CTRL_JOBS = 3;
export const CTRL_ERROR = 4;
/** Stamp base of the batch: rowJob[row] − base is the build job holding the row. */
export const CTRL_STAMP = 5;
/** Workers asleep on CTRL_GEN (the others are polling it: no need to wake them). */
export const CTRL_SLEEPERS = 6;
/** 1 while the main thread sleeps on CTRL_FINISHED. */
export const CTRL_WAITING = 7;
/** Per share, the generation of the batch that last claimed it: free while below the current one. */
export const CTRL_CLAIMS = 8;
/** Control words for `nShares` shares. */
export function controlSize(nShares: number): number {
  return CTRL_CLAIMS + nShares;
}
/** CTRL_CMD: 0 while batches come, then: */
export const CMD_EXIT = 1;

/**
 * How long a thread polls a control word before it sleeps on it. Within a fit the batches
 * follow each other within a fraction of a millisecond; waking a sleeping thread costs tens of
 * microseconds on each side, about what a batch of a small node costs.
 */
export const SPIN_MS = 2;

export interface KernelBuffers {
  bins: Uint8Array;
  sparseStart: Int32Array;
  sparseRows: Int32Array;
  sparseBins: Uint8Array;
  rows: Int32Array;
  /** Gradients and hessians by row (for sparse passes). */
  grad: Float64Array;
  hess: Float64Array;
  /** Per row: stamp + index of the build job holding it in the current batch. */
  rowJob: Int32Array;
  /** Gradients and hessians in row-order positions (og[i] belongs to rows[i]). */
  og: Float64Array;
  oh: Float64Array;
  hist: Float64Array;
  treeMask: Uint8Array;
  nodeMasks: Uint8Array;
  jobs: Int32Array;
  jobTotals: Float64Array;
  results: Float64Array;
  control: Int32Array;
  /**
   * Row-major copies for the row-wise pass: each share's dense groups, one byte per row and
   * group (share s's block at rowDenseStart[s], row i at + i · its dense groups), and its sparse
   * groups' non-skipped cells by row, as histogram offsets (share s's row i at
   * rowSparse[rowSparseStart[s · (rows + 1) + i] ..]).
   */
  rowDense: Uint8Array;
  rowSparseStart: Int32Array;
  rowSparse: Int32Array;
}

export interface KernelConfig {
  layout: FeatureLayout;
  params: SplitParams;
  /** Doubles per histogram slot. */
  slotSize: number;
  maxJobs: number;
  nThreads: number;
  /** Shares of groups (one per thread): share s holds groups groupSplits[s] .. groupSplits[s + 1]. */
  nShares: number;
  groupSplits: Int32Array;
  /** Histogram offsets of share s's dense groups: denseOffsets[denseGroupStart[s] .. denseGroupStart[s + 1]). */
  denseOffsets: Int32Array;
  denseGroupStart: Int32Array;
  /** Byte offset of share s's block in rowDense. */
  rowDenseStart: Float64Array;
}

/**
 * Runs the jobs of batch `generation` on the shares this thread claims: first its own share
 * (thread t's is share t), then any other not yet claimed. Keeping to its own share keeps a
 * share's histograms and row copies in the same core's cache from batch to batch; taking the
 * others means a thread that comes late does not hold the batch up. A thread that wakes after
 * its batch is over finds every share claimed by a later generation, and does nothing. The job
 * count is read after a claim, so it is the batch's that the claim belongs to.
 */
export function runKernel(buffers: KernelBuffers, config: KernelConfig, thread: number, generation: number): void {
  const control = buffers.control;
  const nShares = config.nShares;
  for (let k = 0; k < nShares; k++) {
    const share = (thread + k) % nShares;
    const at = CTRL_CLAIMS + share;
    const last = Atomics.load(control, at);
    if (last >= generation || Atomics.compareExchange(control, at, last, generation) !== last) continue;
    try {
      runShare(buffers, config, Atomics.load(control, CTRL_JOBS), share);
    } finally {
      Atomics.add(control, CTRL_FINISHED, 1);
      if (Atomics.load(control, CTRL_WAITING) === 1) Atomics.notify(control, CTRL_FINISHED);
    }
  }
}

/** Runs `nJobs` jobs for one share of the groups. */
function runShare(buffers: KernelBuffers, config: KernelConfig, nJobs: number, share: number): void {
  const { layout, slotSize } = config;
  const g0 = config.groupSplits[share];
  const g1 = config.groupSplits[share + 1];
  const active = activeGroups(layout, buffers.treeMask, g0, g1);
  const { jobs, hist } = buffers;
  let buildRows = 0;
  for (let j = 0; j < nJobs; j++)
    if (jobs[j * JOB_INTS] === JOB_BUILD) buildRows += jobs[j * JOB_INTS + 3] - jobs[j * JOB_INTS + 2];
  let allActive = true;
  for (let g = g0; g < g1; g++) if (!active[g - g0]) allActive = false;
  if (buildRows > 0 && allActive) buildRowWise(buffers, config, nJobs, share);
  else {
    for (let g = g0; g < g1; g++) {
      if (!active[g - g0] || buildRows === 0) continue;
      const nnz = buffers.sparseStart[g + 1] - buffers.sparseStart[g];
      if (nnz > 0 && nnz < buildRows) buildGroupSparse(buffers, config, nJobs, g);
      else buildGroupDense(buffers, config, nJobs, g);
    }
  }
  for (let j = 0; j < nJobs; j++) {
    const at = j * JOB_INTS;
    if (jobs[at] !== JOB_SUBTRACT) continue;
    const out = jobs[at + 1] * slotSize;
    const parent = jobs[at + 4] * slotSize;
    const sibling = jobs[at + 5] * slotSize;
    for (let g = g0; g < g1; g++) {
      if (!active[g - g0]) continue;
      const from = layout.groupBinStart[g] * HIST_STRIDE;
      const to = layout.groupBinStart[g + 1] * HIST_STRIDE;
      for (let k = from; k < to; k++) hist[out + k] = hist[parent + k] - hist[sibling + k];
    }
  }
  const R = splitRecordSize(1);
  const scratch = new Float64Array(2 * HIST_STRIDE);
  const unbundled = new Float64Array(256 * HIST_STRIDE);
  for (let j = 0; j < nJobs; j++) {
    const at = j * JOB_INTS;
    const record = buffers.results.subarray((share * config.maxJobs + j) * R, (share * config.maxJobs + j + 1) * R);
    resetSplit(record);
    if (jobs[at + 7] !== 1) continue;
    const maskIndex = jobs[at + 6];
    const mask = maskIndex < 0 ? buffers.treeMask : buffers.nodeMasks;
    const maskBase = maskIndex < 0 ? 0 : maskIndex * layout.nFeatures;
    const slotBase = jobs[at + 1] * slotSize;
    const totalsAt = j * HIST_STRIDE;
    const parentScore = nodeScore(buffers.jobTotals, totalsAt, config.params);
    for (let g = g0; g < g1; g++) {
      if (!active[g - g0]) continue;
      const groupBase = slotBase + layout.groupBinStart[g] * HIST_STRIDE;
      for (let k = layout.groupFeatureStart[g]; k < layout.groupFeatureStart[g + 1]; k++) {
        const f = layout.groupFeatures[k];
        if (mask[maskBase + f] !== 1) continue;
        const valueBins = layout.featureValueBins[f];
        if (layout.featureDefaultBin[f] < 0) {
          scanFeature(
            hist,
            groupBase,
            valueBins,
            null,
            0,
            buffers.jobTotals,
            totalsAt,
            parentScore,
            config.params,
            f,
            record,
            scratch,
          );
        } else {
          unbundleFeature(hist, groupBase, layout, f, buffers.jobTotals, totalsAt, HIST_STRIDE, unbundled);
          scanFeature(
            unbundled,
            0,
            valueBins,
            null,
            0,
            buffers.jobTotals,
            totalsAt,
            parentScore,
            config.params,
            f,
            record,
            scratch,
          );
        }
      }
    }
  }
}

function activeGroups(layout: FeatureLayout, treeMask: Uint8Array, g0: number, g1: number): Uint8Array {
  const active = new Uint8Array(g1 - g0);
  for (let g = g0; g < g1; g++) {
    for (let k = layout.groupFeatureStart[g]; k < layout.groupFeatureStart[g + 1]; k++) {
      if (treeMask[layout.groupFeatures[k]] === 1) {
        active[g - g0] = 1;
        break;
      }
    }
  }
  return active;
}

/**
 * Builds the histograms of all the share's groups for every build job in one pass over each
 * node's rows: per row its gradient and hessian are read once, then added to the bin of every
 * dense group (a row-major byte each) and of every sparse group where the row is off the skipped
 * bin. Each bin sums its rows in the same order as the column-wise passes, so the histograms are
 * the same bit for bit; used when every group of the share is in the tree's sample.
 */
function buildRowWise(buffers: KernelBuffers, config: KernelConfig, nJobs: number, share: number): void {
  const { layout, slotSize } = config;
  const { jobs, hist, rows, og, oh, rowDense, rowSparseStart, rowSparse } = buffers;
  const g0 = config.groupSplits[share];
  const g1 = config.groupSplits[share + 1];
  const denseOffset = config.denseOffsets.subarray(config.denseGroupStart[share], config.denseGroupStart[share + 1]);
  const nd = denseOffset.length;
  const denseBase = config.rowDenseStart[share];
  const sparseBase = share * (layout.rows + 1);
  const from = layout.groupBinStart[g0] * HIST_STRIDE;
  const to = layout.groupBinStart[g1] * HIST_STRIDE;
  for (let j = 0; j < nJobs; j++) {
    const at = j * JOB_INTS;
    if (jobs[at] !== JOB_BUILD) continue;
    const slotBase = jobs[at + 1] * slotSize;
    hist.fill(0, slotBase + from, slotBase + to);
    for (let i = jobs[at + 2]; i < jobs[at + 3]; i++) {
      const r = rows[i];
      const g = og[i];
      const h = oh[i];
      const d0 = denseBase + r * nd;
      for (let q = 0; q < nd; q++) {
        const k = slotBase + denseOffset[q] + rowDense[d0 + q] * HIST_STRIDE;
        hist[k] += g;
        hist[k + 1] += h;
        hist[k + 2] += 1;
      }
      const e1 = rowSparseStart[sparseBase + r + 1];
      for (let e = rowSparseStart[sparseBase + r]; e < e1; e++) {
        const k = slotBase + rowSparse[e];
        hist[k] += g;
        hist[k + 1] += h;
        hist[k + 2] += 1;
      }
    }
    for (let g = g0; g < g1; g++) {
      const skipBin = layout.groupSkipBin[g];
      if (skipBin === NO_SKIP) continue;
      const hb = slotBase + layout.groupBinStart[g] * HIST_STRIDE;
      const he = slotBase + layout.groupBinStart[g + 1] * HIST_STRIDE;
      fillSkippedBin(hist, hb, he, hb + skipBin * HIST_STRIDE, buffers.jobTotals, j * HIST_STRIDE);
    }
  }
}

/** Builds group g's histogram for every build job, one node at a time over the node's rows. */
function buildGroupDense(buffers: KernelBuffers, config: KernelConfig, nJobs: number, g: number): void {
  const { layout, slotSize } = config;
  const { jobs, hist } = buffers;
  const skipBin = layout.groupSkipBin[g];
  for (let j = 0; j < nJobs; j++) {
    const at = j * JOB_INTS;
    if (jobs[at] !== JOB_BUILD) continue;
    const slotBase = jobs[at + 1] * slotSize;
    const hb = slotBase + layout.groupBinStart[g] * HIST_STRIDE;
    const he = slotBase + layout.groupBinStart[g + 1] * HIST_STRIDE;
    hist.fill(0, hb, he);
    if (skipBin === NO_SKIP) {
      buildGroupAll(buffers, g * layout.rows, jobs[at + 2], jobs[at + 3], hb);
    } else {
      buildGroup(buffers, g * layout.rows, jobs[at + 2], jobs[at + 3], hb, skipBin);
      fillSkippedBin(hist, hb, he, hb + skipBin * HIST_STRIDE, buffers.jobTotals, j * HIST_STRIDE);
    }
  }
}

/** Builds group g's histogram for every build job in one pass over the group's non-skipped rows. */
function buildGroupSparse(buffers: KernelBuffers, config: KernelConfig, nJobs: number, g: number): void {
  const { layout, slotSize } = config;
  const { jobs, hist, sparseRows, sparseBins, rowJob, grad, hess } = buffers;
  const groupOffset = layout.groupBinStart[g] * HIST_STRIDE;
  const groupEnd = layout.groupBinStart[g + 1] * HIST_STRIDE;
  const base = new Float64Array(nJobs).fill(-1);
  for (let j = 0; j < nJobs; j++) {
    const at = j * JOB_INTS;
    if (jobs[at] !== JOB_BUILD) continue;
    base[j] = jobs[at + 1] * slotSize + groupOffset;
    hist.fill(0, base[j], jobs[at + 1] * slotSize + groupEnd);
  }
  const stamp = Atomics.load(buffers.control, CTRL_STAMP);
  for (let e = buffers.sparseStart[g]; e < buffers.sparseStart[g + 1]; e++) {
    const row = sparseRows[e];
    const j = rowJob[row] - stamp;
    if (j < 0 || j >= nJobs) continue;
    const k = base[j] + sparseBins[e] * HIST_STRIDE;
    hist[k] += grad[row];
    hist[k + 1] += hess[row];
    hist[k + 2] += 1;
  }
  const skipBin = layout.groupSkipBin[g];
  for (let j = 0; j < nJobs; j++) {
    if (base[j] < 0) continue;
    const he = base[j] - groupOffset + groupEnd;
    fillSkippedBin(hist, base[j], he, base[j] + skipBin * HIST_STRIDE, buffers.jobTotals, j * HIST_STRIDE);
  }
}

/** Accumulates gradient, hessian and count of rows[start..end) into the group's bins at `hb`, except bin `skip`. */
function buildGroup(buffers: KernelBuffers, colBase: number, start: number, end: number, hb: number, skip: number): void {
  const { bins, rows, og, oh, hist } = buffers;
  for (let i = start; i < end; i++) {
    const b = bins[colBase + rows[i]];
    if (b === skip) continue;
    const k = hb + b * HIST_STRIDE;
    hist[k] += og[i];
    hist[k + 1] += oh[i];
    hist[k + 2] += 1;
  }
}

/** Accumulates every row of rows[start..end) into the group's bins at `hb` (dense groups). */
function buildGroupAll(buffers: KernelBuffers, colBase: number, start: number, end: number, hb: number): void {
  const { bins, rows, og, oh, hist } = buffers;
  for (let i = start; i < end; i++) {
    const k = hb + bins[colBase + rows[i]] * HIST_STRIDE;
    hist[k] += og[i];
    hist[k + 1] += oh[i];
    hist[k + 2] += 1;
  }
}

/** The skipped bin holds the node totals minus every other bin of the group. */
function fillSkippedBin(hist: Float64Array, hb: number, he: number, skip: number, totals: Float64Array, at: number): void {
  let g = totals[at];
  let h = totals[at + 1];
  let c = totals[at + 2];
  for (let k = hb; k < he; k += HIST_STRIDE) {
    if (k === skip) continue;
    g -= hist[k];
    h -= hist[k + 1];
    c -= hist[k + 2];
  }
  hist[skip] = g;
  hist[skip + 1] = h;
  hist[skip + 2] = c;
}
