// AssemblyScript, part of forest-split-kernel (see README.md here).
//
// SampledEvaluator.findSplit of src/models/tree/sampled-evaluator.ts for binary forests, whole:
// the features drawn from the same random stream (sfc32, as core/rng.ts), each one's histogram
// over the node's rows (or its stored cells), the dominant bin filled in from the node's totals,
// and the scan for the best split (split-finder.ts, scanFeature1) — the same operations in the
// same order, so the trees are the same to the last bit. The host (src/models/tree/
// wasm-forest-split.ts) keeps the binned data, the tree's rows and weights and the per-feature
// tables in this module's memory.

import { i32At, setI32 } from './memory';
import { randomInt } from './sfc32';

// Buffers (byte addresses) and settings, set once per kernel by `setBuffers` / `setParams`.
let bins: usize = 0; // u8, one column of `nRows` per feature group
let lookups: usize = 0; // u8, 256 per feature: group bin → feature bin
let featureColumn: usize = 0; // i32 per feature: where its group's column starts in `bins`
let valueBins: usize = 0; // i32 per feature: its value bins (the missing bin has this index)
let skipBin: usize = 0; // i32 per feature: the dominant bin, filled in from the totals (−1: none)
let cellStart: usize = 0; // i32 per feature: its stored cells in sparseRows / sparseBins (−1: none)
let cellEnd: usize = 0;
let sparseRows: usize = 0; // i32
let sparseBins: usize = 0; // u8
let rows: usize = 0; // i32: the grower's row order
let grad: usize = 0; // f64 per row: its weight if of class 1, else 0
let weight: usize = 0; // f64 per row
let rowNode: usize = 0; // i32 per row: stamp of the last node whose rows were marked
let hist: usize = 0; // f64, 3 per bin (class-1 weight, weight, count); 0 between features
let touched: usize = 0; // i32, 257
let candidates: usize = 0; // i32: the node's candidate features (input)
let moved: usize = 0; // i32 per draw position
let movedStamp: usize = 0; // i32 per draw position
let isConstant: usize = 0; // u8 per feature
let kept: usize = 0; // i32: the children's candidates (output)
export let record: usize = 0; // f64 × 7: gain, feature, bin, defaultLeft, left class-1 weight, weight, count
let rng: usize = 0; // i32 × 4: the sfc32 state (a, b, c, d), see sfc32.ts
let spill: usize = 0; // i32 per row: right-hand rows while a node is partitioned

export let minSamplesLeaf: f64 = 0;
export let minHessian: f64 = 0;
let maxFeatures: i32 = 0;
let drawStamp: i32 = 0;
let nodeStamp: i32 = 0;

/** Above this many occupied bins a feature's bins are scanned in order rather than sorted. */
const SORT_LIMIT = 32;

export function setTables(
  binsAt: usize,
  lookupsAt: usize,
  featureColumnAt: usize,
  valueBinsAt: usize,
  skipBinAt: usize,
  cellStartAt: usize,
  cellEndAt: usize,
  sparseRowsAt: usize,
  sparseBinsAt: usize,
): void {
  bins = binsAt;
  lookups = lookupsAt;
  featureColumn = featureColumnAt;
  valueBins = valueBinsAt;
  skipBin = skipBinAt;
  cellStart = cellStartAt;
  cellEnd = cellEndAt;
  sparseRows = sparseRowsAt;
  sparseBins = sparseBinsAt;
}

export function setBuffers(
  rowsAt: usize,
  gradAt: usize,
  weightAt: usize,
  rowNodeAt: usize,
  histAt: usize,
  touchedAt: usize,
  candidatesAt: usize,
  movedAt: usize,
  movedStampAt: usize,
  isConstantAt: usize,
  keptAt: usize,
  recordAt: usize,
  rngAt: usize,
  spillAt: usize,
): void {
  rows = rowsAt;
  grad = gradAt;
  weight = weightAt;
  rowNode = rowNodeAt;
  hist = histAt;
  touched = touchedAt;
  candidates = candidatesAt;
  moved = movedAt;
  movedStamp = movedStampAt;
  isConstant = isConstantAt;
  kept = keptAt;
  record = recordAt;
  rng = rngAt;
  spill = spillAt;
}

export function setParams(leafRows: f64, leafWeight: f64, features: i32): void {
  minSamplesLeaf = leafRows;
  minHessian = leafWeight;
  maxFeatures = features;
}

/**
 * Finds the best split of the node rows[start..end) with totals (tg class-1 weight, th weight, tc
 * rows) among the `c` candidates: features drawn without replacement until maxFeatures that are
 * not constant in the node were scanned. Writes the best split to `record` (feature −1: none).
 * Returns −1 when no candidate was found constant, else the number of candidates kept for the
 * children (listed in `kept`, in candidate order).
 */
export function findSplit(start: i32, end: i32, tg: f64, th: f64, tc: f64, parentScore: f64, c: i32): i32 {
  return findSplitAt(start, end, tg, th, tc, parentScore, candidates, c, kept);
}

/** findSplit with the candidates at `cands` and the kept ones written to `keptOut`. */
export function findSplitAt(
  start: i32,
  end: i32,
  tg: f64,
  th: f64,
  tc: f64,
  parentScore: f64,
  cands: usize,
  c: i32,
  keptOut: usize,
): i32 {
  store<f64>(record, -Infinity);
  store<f64>(record, -1, 8);
  const stamp = ++drawStamp;
  let marked = false;
  let constants = 0;
  let examined = 0;
  for (let k = 0; k < c && examined < maxFeatures; k++) {
    const pick = k + randomInt(rng, c - k);
    const f = i32At(movedStamp, pick) === stamp ? i32At(moved, pick) : i32At(cands, pick);
    setI32(moved, pick, i32At(movedStamp, k) === stamp ? i32At(moved, k) : i32At(cands, k));
    setI32(movedStamp, pick, stamp);
    const e0 = i32At(cellStart, f);
    let m: i32;
    if (e0 >= 0 && 2 * (i32At(cellEnd, f) - e0) < end - start) {
      if (!marked) {
        nodeStamp++;
        for (let i = start; i < end; i++) setI32(rowNode, i32At(rows, i), nodeStamp);
        marked = true;
      }
      m = storedCellsHistogram(f, e0, i32At(cellEnd, f));
    } else m = rowsHistogram(f, start, end);
    if (m >= 0 && scanHistogram(f, m, tg, th, tc, parentScore)) examined++;
    else {
      store<u8>(isConstant + <usize>f, 1);
      constants++;
    }
  }
  if (constants === 0) return -1;
  let n = 0;
  for (let k = 0; k < c; k++) {
    const f = i32At(cands, k);
    if (load<u8>(isConstant + <usize>f)) store<u8>(isConstant + <usize>f, 0);
    else {
      setI32(keptOut, n, f);
      n++;
    }
  }
  return n;
}

/** Adds a row to bin b of the histogram, listing the bin when it is first touched; returns the touched count. */
function addRow(b: i32, r: usize, m: i32): i32 {
  const k = hist + <usize>b * 24;
  if (load<f64>(k, 16) === 0) {
    setI32(touched, m, b);
    m++;
  }
  store<f64>(k, load<f64>(k) + load<f64>(grad + (r << 3)));
  store<f64>(k, load<f64>(k, 8) + load<f64>(weight + (r << 3)), 8);
  store<f64>(k, load<f64>(k, 16) + 1, 16);
  return m;
}

/** Feature f's histogram over the node's rows, its skip bin left out; −1, untouched, when every row is in one bin. */
function rowsHistogram(f: i32, start: i32, end: i32): i32 {
  const lut = lookups + ((<usize>f) << 8);
  const base = bins + <usize>i32At(featureColumn, f);
  const first = load<u8>(lut + <usize>load<u8>(base + <usize>i32At(rows, start)));
  let i0 = start + 1;
  while (i0 < end && load<u8>(lut + <usize>load<u8>(base + <usize>i32At(rows, i0))) === first) i0++;
  if (i0 === end) return -1;
  const skip = i32At(skipBin, f);
  let m = 0;
  for (let i = start; i < end; i++) {
    const r = <usize>i32At(rows, i);
    const b = <i32>load<u8>(lut + <usize>load<u8>(base + r));
    if (b === skip) continue;
    m = addRow(b, r, m);
  }
  return m;
}

/** Feature f's stored cells [e0, e1) of the node's (marked) rows, its skip bin left out. */
function storedCellsHistogram(f: i32, e0: i32, e1: i32): i32 {
  const lut = lookups + ((<usize>f) << 8);
  const skip = i32At(skipBin, f);
  const mark = nodeStamp;
  let m = 0;
  for (let e = e0; e < e1; e++) {
    const r = <usize>i32At(sparseRows, e);
    if (i32At(rowNode, <i32>r) !== mark) continue;
    const b = <i32>load<u8>(lut + <usize>load<u8>(sparseBins + <usize>e));
    if (b === skip) continue;
    m = addRow(b, r, m);
  }
  return m;
}

/**
 * Completes feature f's histogram (the skip bin from the totals), scans it for the best split and
 * clears it. False when the feature is constant in the node (one bin occupied).
 */
function scanHistogram(f: i32, touchedCount: i32, tg: f64, th: f64, tc: f64, parentScore: f64): bool {
  let m = touchedCount;
  const skip = i32At(skipBin, f);
  if (skip >= 0) m = fillSkipped(skip, m, tg, th, tc);
  const missing = i32At(valueBins, f);
  // The missing bin is read separately by the scan (and cleared below).
  let n = 0;
  for (let t = 0; t < m; t++) {
    const b = i32At(touched, t);
    if (b !== missing) {
      setI32(touched, n, b);
      n++;
    }
  }
  const sorted = n <= SORT_LIMIT;
  if (sorted) insertionSort(n);
  if (m > 1) scanFeature(f, missing, sorted, n, tg, th, tc, parentScore);
  if (sorted) {
    for (let t = 0; t < n; t++) clearBin(i32At(touched, t));
    clearBin(missing);
  } else memory.fill(hist, 0, <usize>(missing + 1) * 24);
  return m > 1;
}

function clearBin(b: i32): void {
  const k = hist + <usize>b * 24;
  store<f64>(k, 0);
  store<f64>(k, 0, 8);
  store<f64>(k, 0, 16);
}

/** The skip bin as the node's totals minus the touched bins; returns the touched count with it (when it holds rows). */
function fillSkipped(skip: i32, m: i32, tg: f64, th: f64, tc: f64): i32 {
  const k0 = hist + <usize>skip * 24;
  for (let c = 0; c < 3; c++) {
    let others: f64 = 0;
    for (let t = 0; t < m; t++) others += load<f64>(hist + <usize>i32At(touched, t) * 24 + ((<usize>c) << 3));
    const total = c === 0 ? tg : c === 1 ? th : tc;
    store<f64>(k0 + ((<usize>c) << 3), total - others);
  }
  if (load<f64>(k0, 16) > 0) {
    setI32(touched, m, skip);
    return m + 1;
  }
  clearBin(skip);
  return m;
}

function insertionSort(n: i32): void {
  for (let i = 1; i < n; i++) {
    const v = i32At(touched, i);
    let j = i - 1;
    while (j >= 0 && i32At(touched, j) > v) {
      setI32(touched, j + 1, i32At(touched, j));
      j--;
    }
    setI32(touched, j + 1, v);
  }
}

// The best candidate of one feature's scan (split-finder's bestScratch).
let bestGain: f64 = 0;
let bestFound = false;
let bestBin: i32 = 0;
let bestLeft: i32 = 0;
let bestG: f64 = 0;
let bestH: f64 = 0;
let bestC: f64 = 0;

/** split-finder's scanFeature1 (λ = α = 0): bins in order (sorted: the touched list), missing values tried on both sides. */
function scanFeature(f: i32, valueBinCount: i32, sorted: bool, n: i32, tg: f64, th: f64, tc: f64, parentScore: f64): void {
  const miss = hist + <usize>valueBinCount * 24;
  const mg = load<f64>(miss);
  const mh = load<f64>(miss, 8);
  const mc = load<f64>(miss, 16);
  let lg: f64 = 0;
  let lh: f64 = 0;
  let lc: f64 = 0;
  bestGain = load<f64>(record);
  bestFound = false;
  const recordFeature = load<f64>(record, 8);
  const last = sorted ? n - 1 : valueBinCount - 1;
  for (let t = 0; t < last; t++) {
    const b = sorted ? i32At(touched, t) : t;
    const at = hist + <usize>b * 24;
    lg += load<f64>(at);
    lh += load<f64>(at, 8);
    lc += load<f64>(at, 16);
    if (lc === 0) continue;
    consider(lg, lh, lc, tg, th, tc, b, 0, parentScore, f, recordFeature);
    if (mc > 0) consider(lg + mg, lh + mh, lc + mc, tg, th, tc, b, 1, parentScore, f, recordFeature);
    if (lc + mc >= tc) break;
  }
  if (mc > 0 && mc < tc) consider(tg - mg, th - mh, tc - mc, tg, th, tc, valueBinCount - 1, 0, parentScore, f, recordFeature);
  if (!bestFound) return;
  store<f64>(record, bestGain);
  store<f64>(record, <f64>f, 8);
  store<f64>(record, <f64>bestBin, 16);
  // Without missing values in this node, missing values at predict time follow the larger child.
  store<f64>(record, mc === 0 ? (bestC >= tc - bestC ? 1 : 0) : <f64>bestLeft, 24);
  store<f64>(record, bestG, 32);
  store<f64>(record, bestH, 40);
  store<f64>(record, bestC, 48);
}

function consider(
  gl: f64,
  hl: f64,
  cl: f64,
  tg: f64,
  th: f64,
  tc: f64,
  bin: i32,
  defaultLeft: i32,
  parentScore: f64,
  f: i32,
  recordFeature: f64,
): void {
  const cr = tc - cl;
  const hr = th - hl;
  if (cl < minSamplesLeaf || cr < minSamplesLeaf || hl < minHessian || hr < minHessian) return;
  if (!(hl + 0 > 0 && hr + 0 > 0)) return;
  const b = tg - gl;
  const gain = (gl * gl) / (hl + 0) + (b * b) / (hr + 0) - parentScore;
  if (gain > bestGain || (gain === bestGain && !bestFound && <f64>f < recordFeature)) {
    bestGain = gain;
    bestFound = true;
    bestBin = bin;
    bestLeft = defaultLeft;
    bestG = gl;
    bestH = hl;
    bestC = cl;
  }
}

/**
 * TreeGrower.applySplit's partition: the node's rows[start..end) that go left by feature f's
 * split at `bin` (bin ≤ bin goes left; the missing bin as `defaultLeft` says), in order, then
 * those that go right, in order. Returns where the right ones start.
 */
export function partition(f: i32, bin: i32, defaultLeft: i32, start: i32, end: i32): i32 {
  const lut = lookups + ((<usize>f) << 8);
  const base = bins + <usize>i32At(featureColumn, f);
  const missing = i32At(valueBins, f);
  let l = start;
  let r = 0;
  for (let i = start; i < end; i++) {
    const row = i32At(rows, i);
    const fb = <i32>load<u8>(lut + <usize>load<u8>(base + <usize>row));
    if (fb === missing ? defaultLeft === 1 : fb <= bin) {
      setI32(rows, l, row);
      l++;
    } else {
      setI32(spill, r, row);
      r++;
    }
  }
  memory.copy(rows + ((<usize>l) << 2), spill, (<usize>r) << 2);
  return l;
}
