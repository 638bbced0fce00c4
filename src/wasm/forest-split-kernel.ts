// AssemblyScript (compiled to WebAssembly by `npm run build`, see README.md here).
//
// A binary random forest's trees, grown whole: TreeGrower's depth-wise growth around the split
// search of forest-split-search.ts, written out as TreeTableBuilder writes a tree (nodes depth
// first). Same nodes, same order of evaluation (so the same random draws), same table. The host
// (src/models/tree/wasm-forest-split.ts) also calls the split search and the partition alone,
// for best-first growth.

import { findSplitAt, minHessian, minSamplesLeaf, partition, record } from './forest-split-search';
import { f64At, i32At, setI32 } from './memory';

export { findSplit, partition, setBuffers, setParams, setTables } from './forest-split-search';
export { heapStart } from './memory';

// Per node (up to `nodeCapacity`): rows [start, end), depth, totals (3 f64), best split (7 f64),
// whether one was found, its candidates (address, count), children (−1: a leaf).
let nodeStart: usize = 0;
let nodeEnd: usize = 0;
let nodeDepth: usize = 0;
let nodeTotals: usize = 0;
let nodeSplit: usize = 0;
let nodeFound: usize = 0;
let nodeCands: usize = 0;
let nodeCandCount: usize = 0;
let nodeLeft: usize = 0;
let nodeRight: usize = 0;
// Levels: the nodes to split, the next level's, and the (child, parent) pairs to evaluate in order.
let frontier: usize = 0;
let nextFrontier: usize = 0;
let pairChild: usize = 0;
let pairParent: usize = 0;
// Every feature (the root's candidates) and the bump arena of kept candidate lists.
let allFeatures: usize = 0;
let featureCount: i32 = 0;
let arena: usize = 0;
let arenaTop: usize = 0;
let arenaEnd: usize = 0;
// Output table (TreeTableData's arrays) and an explicit stack for the depth-first walk.
let outFeature: usize = 0;
let outThreshold: usize = 0;
let outDefaultLeft: usize = 0;
let outLeft: usize = 0;
let outRight: usize = 0;
let outValue: usize = 0;
let outCover: usize = 0;
let outGain: usize = 0;
let stackNode: usize = 0;
let stackState: usize = 0;
let stackId: usize = 0;
// Bin edges per feature (BinMapper.upper): threshold of "bin ≤ b goes left" is edges[b], +∞ past the last.
let edgeStart: usize = 0;
let edgeCount: usize = 0;
let edgeValues: usize = 0;
// Growth limits.
let maxDepth: i32 = -1;
let minSamplesSplit: f64 = 2;
let minGain: f64 = 0;
let nodeCount: i32 = 0;

export function setTreeBuffers(
  nodesAt: usize,
  capacity: i32,
  levelsAt: usize,
  allFeaturesAt: usize,
  features: i32,
  edgeStartAt: usize,
  edgeCountAt: usize,
  edgeValuesAt: usize,
  arenaAt: usize,
  arenaBytes: usize,
): void {
  const cap = <usize>capacity;
  nodeStart = nodesAt;
  nodeEnd = nodeStart + (cap << 2);
  nodeDepth = nodeEnd + (cap << 2);
  nodeCands = nodeDepth + (cap << 2);
  nodeCandCount = nodeCands + (cap << 2);
  nodeLeft = nodeCandCount + (cap << 2);
  nodeRight = nodeLeft + (cap << 2);
  nodeTotals = nodeRight + (cap << 2);
  nodeSplit = nodeTotals + cap * 24;
  nodeFound = nodeSplit + cap * 56;
  frontier = levelsAt;
  nextFrontier = frontier + (cap << 2);
  pairChild = nextFrontier + (cap << 2);
  pairParent = pairChild + (cap << 2);
  stackNode = pairParent + (cap << 2);
  stackState = stackNode + (cap << 2);
  stackId = stackState + (cap << 2);
  allFeatures = allFeaturesAt;
  featureCount = features;
  edgeStart = edgeStartAt;
  edgeCount = edgeCountAt;
  edgeValues = edgeValuesAt;
  arena = arenaAt;
  arenaEnd = arenaAt + arenaBytes;
}

/** Where a grown tree is written: TreeTableData's arrays (capacity nodes each). */
export function setTreeOutput(
  featureAt: usize,
  leftAt: usize,
  rightAt: usize,
  thresholdAt: usize,
  valueAt: usize,
  coverAt: usize,
  gainAt: usize,
  defaultLeftAt: usize,
): void {
  outFeature = featureAt;
  outLeft = leftAt;
  outRight = rightAt;
  outThreshold = thresholdAt;
  outValue = valueAt;
  outCover = coverAt;
  outGain = gainAt;
  outDefaultLeft = defaultLeftAt;
}

export function setTreeLimits(depth: i32, samplesSplit: f64): void {
  maxDepth = depth;
  minSamplesSplit = samplesSplit;
}

function totalsOf(node: i32, k: i32): f64 {
  return load<f64>(nodeTotals + <usize>node * 24 + ((<usize>k) << 3));
}

function newNode(start: i32, end: i32, depth: i32, g: f64, h: f64, c: f64): i32 {
  const node = nodeCount++;
  setI32(nodeStart, node, start);
  setI32(nodeEnd, node, end);
  setI32(nodeDepth, node, depth);
  const t = nodeTotals + <usize>node * 24;
  store<f64>(t, g);
  store<f64>(t, h, 8);
  store<f64>(t, c, 16);
  store<u8>(nodeFound + <usize>node, 0);
  setI32(nodeLeft, node, -1);
  setI32(nodeRight, node, -1);
  return node;
}

/** TreeGrower.canSplit with the forest's purity test. */
function canSplit(node: i32): bool {
  const count = <f64>(i32At(nodeEnd, node) - i32At(nodeStart, node));
  if (maxDepth >= 0 && i32At(nodeDepth, node) >= maxDepth) return false;
  if (count < minSamplesSplit || count < 2 * minSamplesLeaf) return false;
  const g = totalsOf(node, 0);
  const h = totalsOf(node, 1);
  if (h < 2 * minHessian) return false;
  const tol = 1e-9 * h;
  return !(g <= tol || h - g <= tol);
}

/** Finds the node's best split among `c` candidates at `cands`; false when the arena has no room for its list. */
function evaluateNode(node: i32, cands: usize, c: i32): bool {
  const out = arenaTop;
  if (out + ((<usize>c) << 2) > arenaEnd) return false;
  const g = totalsOf(node, 0);
  const h = totalsOf(node, 1);
  const parentScore = h + 0 > 0 ? (g * g) / (h + 0) : 0;
  const kept = findSplitAt(i32At(nodeStart, node), i32At(nodeEnd, node), g, h, totalsOf(node, 2), parentScore, cands, c, out);
  if (kept < 0) {
    setI32(nodeCands, node, <i32>cands);
    setI32(nodeCandCount, node, c);
  } else {
    setI32(nodeCands, node, <i32>out);
    setI32(nodeCandCount, node, kept);
    arenaTop = out + ((<usize>kept) << 2);
  }
  if (load<f64>(record, 8) >= 0) {
    store<u8>(nodeFound + <usize>node, 1);
    memory.copy(nodeSplit + <usize>node * 56, record, 56);
  }
  return true;
}

/** TreeGrower.isWorthSplitting. */
function isWorthSplitting(node: i32): bool {
  if (!load<u8>(nodeFound + <usize>node)) return false;
  const split = nodeSplit + <usize>node * 56;
  return load<f64>(split, 8) >= 0 && load<f64>(split) > minGain;
}

/** TreeGrower.applySplit: partitions the node's rows and makes its two children. */
function applySplit(node: i32): void {
  const split = nodeSplit + <usize>node * 56;
  const start = i32At(nodeStart, node);
  const end = i32At(nodeEnd, node);
  const l = partition(<i32>load<f64>(split, 8), <i32>load<f64>(split, 16), load<f64>(split, 24) === 1 ? 1 : 0, start, end);
  const lg = load<f64>(split, 32);
  const lh = load<f64>(split, 40);
  const lc = load<f64>(split, 48);
  const depth = i32At(nodeDepth, node) + 1;
  const left = newNode(start, l, depth, lg, lh, lc);
  const right = newNode(l, end, depth, totalsOf(node, 0) - lg, totalsOf(node, 1) - lh, totalsOf(node, 2) - lc);
  setI32(nodeLeft, node, left);
  setI32(nodeRight, node, right);
}

/**
 * Grows one tree over rows[0..count) with totals (tg, th, tc), nodes split while their gain is
 * above `gainFloor`: returns the number of nodes written to the output table, or −1 when the
 * candidate arena ran out of room (the caller then grows the tree otherwise, from the same state).
 */
export function growTree(count: i32, tg: f64, th: f64, tc: f64, gainFloor: f64): i32 {
  nodeCount = 0;
  arenaTop = arena;
  minGain = gainFloor;
  const root = newNode(0, count, 0, tg, th, tc);
  if (canSplit(root) && !evaluateNode(root, allFeatures, featureCount)) return -1;
  setI32(frontier, 0, root);
  let size = 1;
  let current = frontier;
  let next = nextFrontier;
  while (size > 0) {
    let nextSize = 0;
    let pairs = 0;
    for (let k = 0; k < size; k++) {
      const node = i32At(current, k);
      if (!isWorthSplitting(node)) continue;
      applySplit(node);
      for (let side = 0; side < 2; side++) {
        const child = i32At(side === 0 ? nodeLeft : nodeRight, node);
        if (!canSplit(child)) continue;
        setI32(pairChild, pairs, child);
        setI32(pairParent, pairs, node);
        pairs++;
        setI32(next, nextSize, child);
        nextSize++;
      }
    }
    for (let p = 0; p < pairs; p++) {
      const parent = i32At(pairParent, p);
      const cands = <usize>i32At(nodeCands, parent);
      if (!evaluateNode(i32At(pairChild, p), cands, i32At(nodeCandCount, parent))) return -1;
    }
    const swap = current;
    current = next;
    next = swap;
    size = nextSize;
  }
  return writeTable(root);
}

/** TreeTableBuilder.addTree: nodes depth first; a leaf's value is its class-1 share, its cover its weight. */
function writeTable(root: i32): i32 {
  let written = 0;
  let top = 0;
  setI32(stackNode, 0, root);
  setI32(stackState, 0, 0);
  top = 1;
  while (top > 0) {
    const k = top - 1;
    const node = i32At(stackNode, k);
    const state = i32At(stackState, k);
    if (state === 0) {
      const id = written++;
      setI32(stackId, k, id);
      const left = i32At(nodeLeft, node);
      if (left < 0) {
        const g = totalsOf(node, 0);
        const h = totalsOf(node, 1);
        setI32(outFeature, id, -1);
        setI32(outLeft, id, -1);
        setI32(outRight, id, -1);
        store<f64>(outThreshold + ((<usize>id) << 3), 0);
        store<u8>(outDefaultLeft + <usize>id, 0);
        store<f64>(outGain + ((<usize>id) << 3), 0);
        store<f64>(outValue + ((<usize>id) << 3), h > 0 ? Math.min(Math.max(g / h, 0), 1) : 0);
        store<f64>(outCover + ((<usize>id) << 3), h);
        top--;
        continue;
      }
      const split = nodeSplit + <usize>node * 56;
      const f = <i32>load<f64>(split, 8);
      const bin = <i32>load<f64>(split, 16);
      setI32(outFeature, id, f);
      store<f64>(
        outThreshold + ((<usize>id) << 3),
        bin < i32At(edgeCount, f) ? f64At(edgeValues, i32At(edgeStart, f) + bin) : Infinity,
      );
      store<u8>(outDefaultLeft + <usize>id, load<f64>(split, 24) === 1 ? 1 : 0);
      store<f64>(outGain + ((<usize>id) << 3), load<f64>(split));
      store<f64>(outValue + ((<usize>id) << 3), 0);
      setI32(outLeft, id, id + 1);
      setI32(stackState, k, 1);
      setI32(stackNode, top, left);
      setI32(stackState, top, 0);
      top++;
    } else if (state === 1) {
      setI32(outRight, i32At(stackId, k), written);
      setI32(stackState, k, 2);
      setI32(stackNode, top, i32At(nodeRight, node));
      setI32(stackState, top, 0);
      top++;
    } else {
      const id = i32At(stackId, k);
      const cover = f64At(outCover, i32At(outLeft, id)) + f64At(outCover, i32At(outRight, id));
      store<f64>(outCover + ((<usize>id) << 3), cover);
      top--;
    }
  }
  return written;
}
