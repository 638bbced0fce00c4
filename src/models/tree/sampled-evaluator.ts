import type { Rng } from '../../core/rng.js';
import { type BinnedDataset, featureBinLookup, NO_SKIP } from './binned-dataset.js';
import { nodeScore, resetSplit, type SplitParams, scanFeature, splitRecordSize } from './split-finder.js';
import type { GrowNode, NodeEvaluator, SplitRequest } from './tree-grower.js';
import type { ForestSplitKernel } from './wasm-forest-split.js';

/** Above this many occupied bins a feature's bins are scanned in order rather than sorted. */
const SORT_LIMIT = 32;

export interface SampledEvaluatorOptions {
  /** Features to examine per node (scikit-learn's max_features, as a count). */
  maxFeatures: number;
  rng: Rng;
  /** Weight of each row (0 = not in this tree's sample). */
  rowWeight: Float64Array;
  /** Gradient channel each row's weight is added to: its class (multi-class); binary forests: 0 for class 1, −1 for class 0. */
  rowChannel: Int32Array;
  /** Per feature, the bin a node's histogram fills in from the node's totals instead of its rows, or −1 (see `dominantBins`). */
  skipBins?: Int16Array;
  /**
   * Binary forests: the whole split search as WebAssembly, the same splits. `rowWeight` and the
   * grower's rows must then be the kernel's `weight` and `rows`.
   */
  kernel?: ForestSplitKernel | null;
}

/**
 * Share of all rows one bin must hold for the histogram to skip that bin's rows. Measured on the
 * built-in data (300 fully grown trees, 294 features): 0.7 took 8.9–9.1 s a forest, 0.5 10.1,
 * 0.9 10.1–10.9, 0.95 11.8, no skipping 12.9–13.6.
 */
const SKIP_SHARE = 0.7;

/**
 * Per feature, the bin that holds at least SKIP_SHARE of the rows (the zero of a one-hot or count
 * column), or −1. A node's histogram skips its rows in that bin and fills the bin in as the node's
 * totals minus the other bins: the rows are still read, but only the few others are added.
 */
export function dominantBins(data: BinnedDataset, lookups: readonly Uint8Array[]): Int16Array {
  const { layout, bins } = data;
  const n = layout.rows;
  const out = new Int16Array(layout.nFeatures).fill(-1);
  const counts = new Int32Array(256);
  for (let f = 0; f < layout.nFeatures; f++) {
    const lut = lookups[f];
    const base = layout.featureGroup[f] * n;
    counts.fill(0);
    for (let r = 0; r < n; r++) counts[lut[bins[base + r]]]++;
    let best = 0;
    for (let b = 1; b < 256; b++) if (counts[b] > counts[best]) best = b;
    if (counts[best] >= SKIP_SHARE * n) out[f] = best;
  }
  return out;
}

/**
 * Per feature, its group's stored cells [start, end) (the rows not in the group's skipped bin)
 * when the rows missing from them are all in the feature's skip bin, so that a node's histogram
 * may read the cells instead of the rows; else null.
 */
export function storedCellRanges(
  data: BinnedDataset,
  lookups: readonly Uint8Array[],
  skipBins: Int16Array | undefined,
): (readonly [number, number] | null)[] {
  const { layout, sparseStart } = data;
  return Array.from({ length: layout.nFeatures }, (_, f) => {
    const g = layout.featureGroup[f];
    const skipped = layout.groupSkipBin[g];
    if (!skipBins || skipBins[f] < 0 || skipped === NO_SKIP || lookups[f][skipped] !== skipBins[f]) return null;
    return [sparseStart[g], sparseStart[g + 1]] as const;
  });
}

/**
 * Split finding for random forests: at every node, features are drawn at random (without
 * replacement) until `maxFeatures` features that are not constant in the node have been examined
 * (scikit-learn's rule). Each drawn feature's histogram is built from the node's rows alone and
 * only its occupied bins are visited and cleared, so the many small nodes of fully grown trees
 * cost time in proportion to their rows, not to the number of bins. Rows in a feature's dominant
 * bin are not added (the bin is the node's totals minus the others), and a big node reads a
 * sparse feature from its stored cells rather than from every row.
 */
export class SampledEvaluator implements NodeEvaluator {
  private readonly data: BinnedDataset;
  private readonly params: SplitParams;
  private readonly options: SampledEvaluatorOptions;
  private readonly lookups: Uint8Array[];
  /** Draw positions moved in the current node's shuffle, stamped with `drawStamp` (see findSplit). */
  private readonly moved: Int32Array;
  private readonly movedStamp: Int32Array;
  private drawStamp = 0;
  private readonly allFeatures: Int32Array;
  private readonly isConstant: Uint8Array;
  /** Binary forests: each row's weight if it is of class 1, else 0. */
  private readonly rowGrad: Float64Array;
  private readonly hist: Float64Array;
  private readonly touched = new Int32Array(256);
  private readonly kernel: ForestSplitKernel | null;
  private readonly scratch: Float64Array;
  /**
   * Per feature, its group's stored cells (rows not in the skipped bin) when the rows missing
   * from them are all in the feature's skip bin, else null (see `scanStoredCells`).
   */
  private readonly storedCells: (readonly [number, number] | null)[];
  /** Per row, the stamp of the last node whose rows were marked (see `markNode`). */
  private readonly rowNode: Int32Array;
  private stamp = 0;
  private marked: GrowNode | null = null;

  constructor(data: BinnedDataset, params: SplitParams, options: SampledEvaluatorOptions, lookups?: Uint8Array[]) {
    this.data = data;
    this.params = params;
    this.options = options;
    const d = data.layout.nFeatures;
    this.lookups = lookups ?? Array.from({ length: d }, (_, j) => featureBinLookup(data.layout, j));
    this.moved = new Int32Array(d);
    this.movedStamp = new Int32Array(d);
    this.allFeatures = Int32Array.from({ length: d }, (_, j) => j);
    this.isConstant = new Uint8Array(d);
    const { rowWeight, rowChannel } = options;
    this.kernel = params.nGrad === 1 ? (options.kernel ?? null) : null;
    if (this.kernel) {
      if (rowWeight !== this.kernel.weight)
        throw new Error('SampledEvaluator: with a kernel, rowWeight must be its weight buffer');
      this.rowGrad = this.kernel.grad;
      for (let r = 0; r < rowWeight.length; r++) this.rowGrad[r] = rowChannel[r] === 0 ? rowWeight[r] : 0;
    } else this.rowGrad = rowWeight.map((w, r) => (rowChannel[r] === 0 ? w : 0));
    this.hist = new Float64Array(256 * (params.nGrad + 2));
    this.scratch = new Float64Array(2 * (params.nGrad + 2));
    // The kernel has its own tables and buffers.
    this.storedCells = this.kernel ? [] : storedCellRanges(data, this.lookups, options.skipBins);
    this.rowNode = new Int32Array(options.skipBins && !this.kernel ? data.layout.rows : 0);
  }

  release(_node: GrowNode): void {}

  evaluate(requests: SplitRequest[], rows: Int32Array): void {
    if (this.kernel) {
      this.evaluateInKernel(this.kernel, requests);
      return;
    }
    for (const request of requests) {
      const candidates = request.parent?.candidates ?? this.allFeatures;
      for (const node of request.nodes) node.split = this.findSplit(node, rows, candidates);
      if (request.parent) request.parent.candidates = undefined;
    }
  }

  /** `evaluate` through the WebAssembly kernel, which holds the grower's rows (the same splits, drawn from the same stream). */
  private evaluateInKernel(kernel: ForestSplitKernel, requests: SplitRequest[]): void {
    const rng = this.options.rng;
    kernel.takeRng(rng);
    try {
      for (const request of requests) {
        const candidates = request.parent?.candidates ?? this.allFeatures;
        for (const node of request.nodes) {
          node.split = kernel.findSplit(node.start, node.end, node.totals, nodeScore(node.totals, 0, this.params), candidates);
          node.candidates = kernel.keptCandidates;
        }
        if (request.parent) request.parent.candidates = undefined;
      }
    } finally {
      kernel.returnRng(rng);
    }
  }

  /**
   * Draws features until maxFeatures non-constant ones were scanned. Features constant in the
   * parent are constant here too and are not drawn (scikit-learn's rule); the ones found
   * constant here are left out of the children's candidates.
   */
  private findSplit(node: GrowNode, rows: Int32Array, candidates: Int32Array): Float64Array | null {
    const p = this.params;
    const record = new Float64Array(splitRecordSize(p.nGrad));
    resetSplit(record);
    const parentScore = nodeScore(node.totals, 0, p);
    const c = candidates.length;
    // A Fisher–Yates shuffle of the candidates, drawn only as far as needed: position p holds
    // `moved[p]` when stamped for this node, else `candidates[p]` (no copy of all candidates).
    const { moved, movedStamp } = this;
    const stamp = ++this.drawStamp;
    const rng = this.options.rng;
    let constants = 0;
    let examined = 0;
    for (let k = 0; k < c && examined < this.options.maxFeatures; k++) {
      const pick = k + rng.int(c - k);
      const f = movedStamp[pick] === stamp ? moved[pick] : candidates[pick];
      moved[pick] = movedStamp[k] === stamp ? moved[k] : candidates[k];
      movedStamp[pick] = stamp;
      if (this.scanNodeFeature(node, rows, f, parentScore, record)) examined++;
      else {
        this.isConstant[f] = 1;
        constants++;
      }
    }
    if (constants === 0) node.candidates = candidates;
    else {
      const kept = new Int32Array(c - constants);
      let m = 0;
      for (let k = 0; k < c; k++) {
        const f = candidates[k];
        if (this.isConstant[f]) this.isConstant[f] = 0;
        else kept[m++] = f;
      }
      node.candidates = kept;
    }
    return record[1] >= 0 ? record : null;
  }

  /** Builds feature f's histogram over the node's rows and scans it; false when f is constant in the node. */
  private scanNodeFeature(node: GrowNode, rows: Int32Array, f: number, parentScore: number, record: Float64Array): boolean {
    const p = this.params;
    const S = p.nGrad + 2;
    const H = p.nGrad;
    const C = p.nGrad + 1;
    const layout = this.data.layout;
    const lut = this.lookups[f];
    const bins = this.data.bins;
    const base = layout.featureGroup[f] * layout.rows;
    const { rowWeight, rowChannel } = this.options;
    const hist = this.hist;
    const touched = this.touched;
    const skip = this.options.skipBins ? this.options.skipBins[f] : -1;
    const cells = this.storedCells[f];
    let m = 0;
    if (cells && 2 * (cells[1] - cells[0]) < node.end - node.start) {
      // Under half as many stored cells as node rows: visit the cells and keep those of the node's
      // rows (a cell costs about two rows of the pass below: measured on the built-in data).
      m = this.scanStoredCells(node, rows, f, cells[0], cells[1], skip);
    } else {
      // Most features of a small node in a fully grown tree are constant there (one-hot columns):
      // find that with one pass of lookups before any histogram is touched.
      const first = lut[bins[base + rows[node.start]]];
      let i0 = node.start + 1;
      while (i0 < node.end && lut[bins[base + rows[i0]]] === first) i0++;
      if (i0 === node.end) return false;
      if (S === 3) {
        // One gradient channel (binary): weight of class-1 rows, weight, count; no branch on the class.
        const rowGrad = this.rowGrad;
        for (let i = node.start; i < node.end; i++) {
          const r = rows[i];
          const b = lut[bins[base + r]];
          if (b === skip) continue;
          const k = b * 3;
          if (hist[k + 2] === 0) touched[m++] = b;
          hist[k] += rowGrad[r];
          hist[k + 1] += rowWeight[r];
          hist[k + 2] += 1;
        }
      } else {
        for (let i = node.start; i < node.end; i++) {
          const r = rows[i];
          const b = lut[bins[base + r]];
          if (b === skip) continue;
          const k = b * S;
          if (hist[k + C] === 0) touched[m++] = b;
          const w = rowWeight[r];
          hist[k + rowChannel[r]] += w;
          hist[k + H] += w;
          hist[k + C] += 1;
        }
      }
    }
    if (skip >= 0) m = this.fillSkipped(node.totals, skip, m, S);
    const valueBins = layout.featureValueBins[f];
    // Drop the missing bin from the list (scanFeature reads it separately); it is cleared below.
    let n = 0;
    for (let t = 0; t < m; t++) if (touched[t] !== valueBins) touched[n++] = touched[t];
    const sorted = n <= SORT_LIMIT;
    if (sorted) insertionSort(touched, n);
    if (m > 1)
      scanFeature(hist, 0, valueBins, sorted ? touched : null, n, node.totals, 0, parentScore, p, f, record, this.scratch);
    if (sorted) {
      for (let t = 0; t < n; t++) for (let k = touched[t] * S, e = k + S; k < e; k++) hist[k] = 0;
      for (let k = valueBins * S, e = k + S; k < e; k++) hist[k] = 0;
    } else hist.fill(0, 0, (valueBins + 1) * S);
    return m > 1;
  }

  /**
   * Adds feature f's stored cells [e0, e1) that belong to the node's rows (skip-bin rows aside):
   * rows are marked with the node's stamp once, then each cell is one lookup. Cells are in row
   * order, as the node's rows are, so every bin adds up its rows in the same order as a pass over
   * the rows would. Returns the number of bins touched.
   */
  private scanStoredCells(node: GrowNode, rows: Int32Array, f: number, e0: number, e1: number, skip: number): number {
    this.markNode(node, rows);
    const S = this.params.nGrad + 2;
    const H = this.params.nGrad;
    const C = H + 1;
    const { hist, touched, rowNode, rowGrad } = this;
    const { rowWeight, rowChannel } = this.options;
    const { sparseRows, sparseBins } = this.data;
    const lut = this.lookups[f];
    const mark = this.stamp;
    let m = 0;
    for (let e = e0; e < e1; e++) {
      const r = sparseRows[e];
      if (rowNode[r] !== mark) continue;
      const b = lut[sparseBins[e]];
      if (b === skip) continue;
      const k = b * S;
      if (hist[k + C] === 0) touched[m++] = b;
      if (S === 3) {
        hist[k] += rowGrad[r];
        hist[k + 1] += rowWeight[r];
      } else {
        const w = rowWeight[r];
        hist[k + rowChannel[r]] += w;
        hist[k + H] += w;
      }
      hist[k + C] += 1;
    }
    return m;
  }

  /** Stamps the node's rows in `rowNode` (once per node). */
  private markNode(node: GrowNode, rows: Int32Array): void {
    if (this.marked === node) return;
    this.marked = node;
    const mark = ++this.stamp;
    const rowNode = this.rowNode;
    for (let i = node.start; i < node.end; i++) rowNode[rows[i]] = mark;
  }

  /** Fills the skipped bin in as the node's totals minus its `m` touched bins; returns the touched count with it. */
  private fillSkipped(totals: Float64Array, skip: number, m: number, S: number): number {
    const { hist, touched } = this;
    const k0 = skip * S;
    for (let c = 0; c < S; c++) {
      let others = 0;
      for (let t = 0; t < m; t++) others += hist[touched[t] * S + c];
      hist[k0 + c] = totals[c] - others;
    }
    if (hist[k0 + S - 1] > 0) {
      touched[m] = skip;
      return m + 1;
    }
    for (let c = 0; c < S; c++) hist[k0 + c] = 0;
    return m;
  }
}

function insertionSort(values: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}
