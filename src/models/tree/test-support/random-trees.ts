import { Rng } from '../../../core/rng.js';
import { TreeTable, type TreeTableData } from '../tree-table.js';

/** Random trees (depth-first node order) of uneven shape: a node splits with probability `split` until maxDepth. */
export function randomTable(
  seed: number,
  nTrees: number,
  nFeatures: number,
  maxDepth: number,
  split: number,
  nOutputs = 1,
): TreeTable {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  const feature: number[] = [];
  const threshold: number[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const treeStart = [0];
  const grow = (depth: number): number => {
    const k = feature.length;
    const leaf = depth === maxDepth || (depth > 0 && rand() > split);
    feature.push(leaf ? -1 : Math.floor(rand() * nFeatures));
    // Thresholds on a coarse grid, so that rows fall exactly on them too.
    threshold.push(leaf ? 0 : Math.round(rand() * 8) / 4 - 1);
    defaultLeft.push(rand() < 0.5 ? 1 : 0);
    left.push(-1);
    right.push(-1);
    for (let o = 0; o < nOutputs; o++) value.push(leaf ? rand() * 2 - 1 : 0);
    if (!leaf) {
      left[k] = grow(depth + 1);
      right[k] = grow(depth + 1);
    }
    return k;
  };
  for (let t = 0; t < nTrees; t++) {
    grow(0);
    treeStart.push(feature.length);
  }
  const n = feature.length;
  const data: TreeTableData = {
    nOutputs,
    treeStart: Int32Array.from(treeStart),
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    defaultLeft: Uint8Array.from(defaultLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    cover: new Float64Array(n).fill(1),
    gain: new Float64Array(n),
  };
  return new TreeTable(data);
}
