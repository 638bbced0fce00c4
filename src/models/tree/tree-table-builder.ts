import { SPLIT_BIN, SPLIT_DEFAULT_LEFT, SPLIT_FEATURE, SPLIT_GAIN } from './split-finder.js';
import type { GrowNode } from './tree-grower.js';
import { TreeTable, type TreeTableData } from './tree-table.js';

/** Writes a leaf's nOutputs values at `out[at..]`. */
export type LeafValueFn = (leaf: GrowNode, out: Float64Array, at: number) => void;

/**
 * Freezes grown trees (node objects) into a flat TreeTable, nodes in depth-first order.
 * A node's cover is its hessian (weight) sum; an internal node's cover is the sum of its
 * children's, so TreeSHAP's path fractions add up exactly.
 */
export class TreeTableBuilder {
  private readonly nOutputs: number;
  private readonly hessianChannel: number;
  private treeStart: number[] = [0];
  /** Nodes written so far; the arrays below have room for `capacity`. */
  private size = 0;
  private capacity = 0;
  private feature = new Int32Array(0);
  private threshold = new Float64Array(0);
  private defaultLeft = new Uint8Array(0);
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private value = new Float64Array(0);
  private cover = new Float64Array(0);
  private gain = new Float64Array(0);
  private readonly leafScratch: Float64Array;

  constructor(nOutputs: number, hessianChannel: number) {
    this.nOutputs = nOutputs;
    this.hessianChannel = hessianChannel;
    this.leafScratch = new Float64Array(nOutputs);
  }

  get nTrees(): number {
    return this.treeStart.length - 1;
  }

  /** Appends a tree; `thresholdOf(feature, bin)` turns a bin split into a raw-value threshold. */
  addTree(root: GrowNode, thresholdOf: (feature: number, bin: number) => number, leafValue: LeafValueFn): void {
    this.reserve(this.size + countNodes(root));
    this.addNode(root, thresholdOf, leafValue);
    this.treeStart.push(this.size);
  }

  private addNode(node: GrowNode, thresholdOf: (feature: number, bin: number) => number, leafValue: LeafValueFn): number {
    const id = this.size++;
    const K = this.nOutputs;
    if (!node.left || !node.right || !node.split) {
      this.feature[id] = -1;
      this.left[id] = -1;
      this.right[id] = -1;
      leafValue(node, this.leafScratch, 0);
      for (let o = 0; o < K; o++) this.value[id * K + o] = this.leafScratch[o];
      this.cover[id] = node.totals[this.hessianChannel];
      return id;
    }
    const split = node.split;
    const f = split[SPLIT_FEATURE];
    this.feature[id] = f;
    this.threshold[id] = thresholdOf(f, split[SPLIT_BIN]);
    this.defaultLeft[id] = split[SPLIT_DEFAULT_LEFT] === 1 ? 1 : 0;
    this.gain[id] = split[SPLIT_GAIN];
    const l = this.addNode(node.left, thresholdOf, leafValue);
    const r = this.addNode(node.right, thresholdOf, leafValue);
    this.left[id] = l;
    this.right[id] = r;
    this.cover[id] = this.cover[l] + this.cover[r];
    return id;
  }

  /** Room for `nodes` nodes (grown geometrically; new entries are 0). */
  private reserve(nodes: number): void {
    if (nodes <= this.capacity) return;
    const capacity = Math.max(nodes, 2 * this.capacity);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T, width = 1): T => {
      const b = make(capacity * width);
      b.set(a.subarray(0, this.size * width));
      return b;
    };
    this.feature = grow(this.feature, (n) => new Int32Array(n));
    this.threshold = grow(this.threshold, (n) => new Float64Array(n));
    this.defaultLeft = grow(this.defaultLeft, (n) => new Uint8Array(n));
    this.left = grow(this.left, (n) => new Int32Array(n));
    this.right = grow(this.right, (n) => new Int32Array(n));
    this.value = grow(this.value, (n) => new Float64Array(n), this.nOutputs);
    this.cover = grow(this.cover, (n) => new Float64Array(n));
    this.gain = grow(this.gain, (n) => new Float64Array(n));
    this.capacity = capacity;
  }

  build(): TreeTable {
    return new TreeTable(this.data());
  }

  /** The trees as table data (no lookup structures built: for trees that are to be joined first). */
  data(): TreeTableData {
    const n = this.size;
    return {
      nOutputs: this.nOutputs,
      treeStart: Int32Array.from(this.treeStart),
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      defaultLeft: this.defaultLeft.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      value: this.value.slice(0, n * this.nOutputs),
      cover: this.cover.slice(0, n),
      gain: this.gain.slice(0, n),
    };
  }
}

function countNodes(node: GrowNode): number {
  return node.left && node.right && node.split ? 1 + countNodes(node.left) + countNodes(node.right) : 1;
}

/** Leaf of a grown (not yet frozen) tree reached by the row at `rowData[base..]`, walking raw-value thresholds. */
export function growNodeLeaf(
  root: GrowNode,
  thresholdOf: (feature: number, bin: number) => number,
  rowData: Float64Array,
  base: number,
): GrowNode {
  let node = root;
  while (node.left && node.right && node.split) {
    const split = node.split;
    const v = rowData[base + split[SPLIT_FEATURE]];
    const thr = thresholdOf(split[SPLIT_FEATURE], split[SPLIT_BIN]);
    node = v <= thr ? node.left : v > thr || split[SPLIT_DEFAULT_LEFT] !== 1 ? node.right : node.left;
  }
  return node;
}
