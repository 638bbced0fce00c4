import { SPLIT_BIN, SPLIT_DEFAULT_LEFT, SPLIT_FEATURE, SPLIT_GAIN } from './split-finder.js';
import type { GrowNode } from './tree-grower.js';
import { TreeTable } from './tree-table.js';

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
  private feature: number[] = [];
  private threshold: number[] = [];
  private defaultLeft: number[] = [];
  private left: number[] = [];
  private right: number[] = [];
  private value: number[] = [];
  private cover: number[] = [];
  private gain: number[] = [];
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
    this.addNode(root, thresholdOf, leafValue);
    this.treeStart.push(this.feature.length);
  }

  private addNode(node: GrowNode, thresholdOf: (feature: number, bin: number) => number, leafValue: LeafValueFn): number {
    const id = this.feature.length;
    this.feature.push(-1);
    this.threshold.push(0);
    this.defaultLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.cover.push(0);
    this.gain.push(0);
    if (!node.left || !node.right || !node.split) {
      leafValue(node, this.leafScratch, 0);
      for (let o = 0; o < this.nOutputs; o++) this.value.push(this.leafScratch[o]);
      this.cover[id] = node.totals[this.hessianChannel];
      return id;
    }
    for (let o = 0; o < this.nOutputs; o++) this.value.push(0);
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

  build(): TreeTable {
    return new TreeTable({
      nOutputs: this.nOutputs,
      treeStart: Int32Array.from(this.treeStart),
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
      gain: Float64Array.from(this.gain),
    });
  }
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
