import type { BinnedDataset } from './binned-dataset.js';
import { featureBinLookup } from './binned-dataset.js';
import { SPLIT_BIN, SPLIT_DEFAULT_LEFT, SPLIT_FEATURE, SPLIT_GAIN, SPLIT_LEFT, type SplitParams } from './split-finder.js';

/** Below this many rows a split sends each row by its bin directly rather than through a 256-entry table. */
const DIRECT_SIDE_ROWS = 128;

/** A node while its tree grows: the rows it holds are `rows[start..end)` of the grower's row order. */
export interface GrowNode {
  start: number;
  end: number;
  depth: number;
  /** Gradient sums, hessian sum and row count (stride nGrad + 2). */
  totals: Float64Array;
  /** Best split record (see split-finder), or null when the node is not to be split. */
  split: Float64Array | null;
  /** Histogram slot held for the node (evaluator-owned), −1 when none. */
  slot: number;
  left: GrowNode | null;
  right: GrowNode | null;
  /** Features not known to be constant in the node (set by evaluators that track them, for the children). */
  candidates?: Int32Array;
}

/** A parent that was just split, with the children that need their best split found. */
export interface SplitRequest {
  parent: GrowNode | null;
  /** Children to evaluate (0, 1 or 2; the root alone for the first request). */
  nodes: GrowNode[];
}

/** Finds best splits for nodes (by histograms), owning the histogram memory. */
export interface NodeEvaluator {
  evaluate(requests: SplitRequest[], rows: Int32Array): void;
  /** The node will not be split: free what it holds. */
  release(node: GrowNode): void;
}

export interface GrowthLimits {
  /** Deepest level (root = 0); null for no limit. */
  maxDepth: number | null;
  /** Most leaves; null for no limit. Set → best-first (leaf-wise) growth, else depth-wise. */
  maxLeaves: number | null;
  /** Fewest rows a node needs to be split. */
  minSamplesSplit: number;
  /** A split must gain more than this. */
  minGain: number;
  /** Optional purity test: a pure node is not split. */
  isPure?: (totals: Float64Array) => boolean;
}

/**
 * Partitions a node's rows in place (stable), as `applySplit` does, where they live elsewhere
 * (a WebAssembly kernel's memory): the rows going left by feature f's split at `bin` first;
 * returns where the right ones start.
 */
export interface RowPartitioner {
  partition(f: number, bin: number, defaultLeft: number, start: number, end: number): number;
}

/**
 * Grows one tree over a binned dataset, depth-wise (level by level, so a whole level's
 * histograms are built in one pass across threads) or best-first when `maxLeaves` is set.
 * Rows are partitioned in place in `rows`, so each leaf ends up holding a contiguous range.
 */
export class TreeGrower {
  private readonly data: BinnedDataset;
  private readonly params: SplitParams;
  private readonly limits: GrowthLimits;
  private readonly lookups: Uint8Array[];
  private readonly goLeft = new Uint8Array(256);
  private scratch: Int32Array;

  private readonly partitioner: RowPartitioner | null;

  /**
   * `lookups` (group bin → feature bin per feature) can be shared between growers; a `partitioner`
   * partitions the rows instead of this grower (it must hold the same rows as `grow` is given).
   */
  constructor(
    data: BinnedDataset,
    params: SplitParams,
    limits: GrowthLimits,
    lookups?: Uint8Array[],
    partitioner: RowPartitioner | null = null,
  ) {
    this.data = data;
    this.partitioner = partitioner;
    this.params = params;
    this.limits = limits;
    this.lookups = lookups ?? Array.from({ length: data.layout.nFeatures }, (_, j) => featureBinLookup(data.layout, j));
    this.scratch = new Int32Array(partitioner ? 0 : data.layout.rows);
  }

  /** Grows a tree over rows[0..count) whose sums are `totals`; returns the root. */
  grow(rows: Int32Array, count: number, totals: Float64Array, evaluator: NodeEvaluator): GrowNode {
    const root: GrowNode = { start: 0, end: count, depth: 0, totals, split: null, slot: -1, left: null, right: null };
    if (this.canSplit(root)) evaluator.evaluate([{ parent: null, nodes: [root] }], rows);
    if (this.limits.maxLeaves !== null) this.growBestFirst(root, rows, evaluator);
    else this.growDepthWise(root, rows, evaluator);
    return root;
  }

  private growDepthWise(root: GrowNode, rows: Int32Array, evaluator: NodeEvaluator): void {
    let frontier = [root];
    while (frontier.length > 0) {
      const requests: SplitRequest[] = [];
      const next: GrowNode[] = [];
      for (const node of frontier) {
        if (!this.isWorthSplitting(node)) {
          evaluator.release(node);
          node.split = null;
          continue;
        }
        const children = this.applySplit(node, rows).filter((c) => this.canSplit(c));
        requests.push({ parent: node, nodes: children });
        next.push(...children);
      }
      if (requests.length > 0) evaluator.evaluate(requests, rows);
      frontier = next;
    }
  }

  private growBestFirst(root: GrowNode, rows: Int32Array, evaluator: NodeEvaluator): void {
    const open: GrowNode[] = [root];
    let leaves = 1;
    const maxLeaves = this.limits.maxLeaves ?? Number.POSITIVE_INFINITY;
    while (leaves < maxLeaves) {
      let best = -1;
      for (let k = 0; k < open.length; k++) {
        if (!this.isWorthSplitting(open[k])) continue;
        if (best < 0 || open[k].split![SPLIT_GAIN] > open[best].split![SPLIT_GAIN]) best = k;
      }
      if (best < 0) break;
      const node = open[best];
      open.splice(best, 1);
      const children = this.applySplit(node, rows);
      leaves++;
      const toEvaluate = leaves < maxLeaves ? children.filter((c) => this.canSplit(c)) : [];
      evaluator.evaluate([{ parent: node, nodes: toEvaluate }], rows);
      open.push(...toEvaluate);
    }
    for (const node of open) {
      evaluator.release(node);
      node.split = null;
    }
  }

  private canSplit(node: GrowNode): boolean {
    const count = node.end - node.start;
    const { maxDepth, minSamplesSplit, isPure } = this.limits;
    if (maxDepth !== null && node.depth >= maxDepth) return false;
    if (count < minSamplesSplit || count < 2 * this.params.minSamplesLeaf) return false;
    if (node.totals[this.params.nGrad] < 2 * this.params.minHessian) return false;
    return !(isPure?.(node.totals) ?? false);
  }

  private isWorthSplitting(node: GrowNode): boolean {
    return node.split !== null && node.split[SPLIT_FEATURE] >= 0 && node.split[SPLIT_GAIN] > this.limits.minGain;
  }

  /** Partitions the node's rows (stable) by its split and attaches two children. */
  private applySplit(node: GrowNode, rows: Int32Array): GrowNode[] {
    const split = node.split!;
    const j = split[SPLIT_FEATURE];
    const layout = this.data.layout;
    const lut = this.lookups[j];
    const bin = split[SPLIT_BIN];
    const missing = layout.featureValueBins[j];
    const defaultLeft = split[SPLIT_DEFAULT_LEFT] === 1 ? 1 : 0;
    const column = this.data.bins;
    const base = layout.featureGroup[j] * layout.rows;
    const scratch = this.scratch;
    let l = node.start;
    let r = 0;
    if (this.partitioner) l = this.partitioner.partition(j, bin, defaultLeft, node.start, node.end);
    else if (node.end - node.start < DIRECT_SIDE_ROWS) {
      // A small node (most nodes of fully grown trees): each row's side from its bin, no table.
      for (let i = node.start; i < node.end; i++) {
        const row = rows[i];
        const fb = lut[column[base + row]];
        if (fb === missing ? defaultLeft === 1 : fb <= bin) rows[l++] = row;
        else scratch[r++] = row;
      }
    } else {
      const goLeft = this.goLeft;
      for (let b = 0; b < 256; b++) {
        const fb = lut[b];
        goLeft[b] = fb === missing ? defaultLeft : fb <= bin ? 1 : 0;
      }
      for (let i = node.start; i < node.end; i++) {
        const row = rows[i];
        if (goLeft[column[base + row]] === 1) rows[l++] = row;
        else scratch[r++] = row;
      }
    }
    if (r > 0) rows.set(scratch.subarray(0, r), l);
    const S = this.params.nGrad + 2;
    const leftTotals = split.slice(SPLIT_LEFT, SPLIT_LEFT + S);
    const rightTotals = new Float64Array(S);
    for (let k = 0; k < S; k++) rightTotals[k] = node.totals[k] - leftTotals[k];
    const make = (start: number, end: number, totals: Float64Array): GrowNode => ({
      start,
      end,
      depth: node.depth + 1,
      totals,
      split: null,
      slot: -1,
      left: null,
      right: null,
    });
    node.left = make(node.start, l, leftTotals);
    node.right = make(l, node.end, rightTotals);
    return [node.left, node.right];
  }
}

/** Calls `visit` on every leaf, left to right. */
export function forEachLeaf(node: GrowNode, visit: (leaf: GrowNode) => void): void {
  if (node.left && node.right) {
    forEachLeaf(node.left, visit);
    forEachLeaf(node.right, visit);
  } else visit(node);
}
