import type { FeatureLayout } from './binned-dataset.js';

/**
 * Histogram bins hold `nGrad` gradient sums (one for boosting and binary forests, one per class
 * for multi-class forests), then the hessian (weight) sum, then the row count: stride nGrad + 2.
 */
export interface SplitParams {
  nGrad: number;
  /** L2 penalty λ on leaf values. */
  lambda: number;
  /** L1 penalty α on leaf values. */
  alpha: number;
  /** Fewest rows in a child. */
  minSamplesLeaf: number;
  /** Smallest hessian (weight) sum in a child. */
  minHessian: number;
}

/** Split record layout: gain, feature, bin, defaultLeft (1/0), then the left child's sums (stride). */
export const SPLIT_GAIN = 0;
export const SPLIT_FEATURE = 1;
export const SPLIT_BIN = 2;
export const SPLIT_DEFAULT_LEFT = 3;
export const SPLIT_LEFT = 4;

export function splitRecordSize(nGrad: number): number {
  return SPLIT_LEFT + nGrad + 2;
}

export function resetSplit(record: Float64Array, at = 0): void {
  record[at + SPLIT_GAIN] = Number.NEGATIVE_INFINITY;
  record[at + SPLIT_FEATURE] = -1;
}

/** Whether candidate (gain, feature) beats the record: higher gain, then lower feature index. */
export function isBetterSplit(gain: number, feature: number, record: Float64Array, at = 0): boolean {
  const best = record[at + SPLIT_GAIN];
  return gain > best || (gain === best && feature < record[at + SPLIT_FEATURE]);
}

function threshold(g: number, alpha: number): number {
  if (alpha === 0) return g;
  return g > alpha ? g - alpha : g < -alpha ? g + alpha : 0;
}

/** Σₖ T(Gₖ)² / (H + λ): the node's score; a split's gain is score(left) + score(right) − score(parent). */
export function nodeScore(sums: Float64Array, at: number, p: SplitParams): number {
  const h = sums[at + p.nGrad] + p.lambda;
  if (!(h > 0)) return 0;
  let s = 0;
  for (let k = 0; k < p.nGrad; k++) {
    const g = threshold(sums[at + k], p.alpha);
    s += g * g;
  }
  return s / h;
}

/** Leaf output of gradient channel k: −T(G)/(H + λ) (Newton step). */
export function newtonValue(sums: Float64Array, at: number, k: number, p: SplitParams): number {
  const h = sums[at + p.nGrad] + p.lambda;
  return h > 0 ? -threshold(sums[at + k], p.alpha) / h : 0;
}

/**
 * Scans the bins of feature `feature` (bins at `hist[base + b·stride]`, b < valueBins, missing
 * at b = valueBins) for the best "bin ≤ b goes left" split, trying missing values on either side,
 * and the split "non-missing left, missing right". `order`, when given, lists the non-empty value
 * bins in increasing order (the others are skipped). Updates `record` when a split beats it.
 */
export function scanFeature(
  hist: Float64Array,
  base: number,
  valueBins: number,
  order: Int32Array | null,
  orderLength: number,
  totals: Float64Array,
  totalsAt: number,
  parentScore: number,
  p: SplitParams,
  feature: number,
  record: Float64Array,
  scratch: Float64Array,
): void {
  if (p.nGrad === 1) {
    scanFeature1(hist, base, valueBins, order, orderLength, totals, totalsAt, parentScore, p, feature, record);
    return;
  }
  const S = p.nGrad + 2;
  const C = p.nGrad + 1;
  const miss = base + valueBins * S;
  const missCount = hist[miss + C];
  const left = scratch;
  const right = scratch.length >= 2 * S ? scratch.subarray(S, 2 * S) : new Float64Array(S);
  for (let k = 0; k < S; k++) left[k] = 0;
  const last = order ? orderLength - 1 : valueBins - 1;
  for (let t = 0; t < last; t++) {
    const b = order ? order[t] : t;
    const at = base + b * S;
    for (let k = 0; k < S; k++) left[k] += hist[at + k];
    if (left[C] === 0) continue;
    for (let k = 0; k < S; k++) right[k] = totals[totalsAt + k] - left[k];
    tryCandidate(left, right, parentScore, p, feature, b, 0, record);
    if (missCount > 0) {
      for (let k = 0; k < S; k++) {
        left[k] += hist[miss + k];
        right[k] -= hist[miss + k];
      }
      tryCandidate(left, right, parentScore, p, feature, b, 1, record);
      for (let k = 0; k < S; k++) left[k] -= hist[miss + k];
    }
    if (left[C] + missCount >= totals[totalsAt + C]) break;
  }
  if (missCount > 0 && missCount < totals[totalsAt + C]) {
    for (let k = 0; k < S; k++) {
      right[k] = hist[miss + k];
      left[k] = totals[totalsAt + k] - right[k];
    }
    tryCandidate(left, right, parentScore, p, feature, valueBins - 1, 0, record);
  }
  // Without missing values in this node, missing values at predict time follow the larger child.
  if (missCount === 0 && record[SPLIT_FEATURE] === feature) {
    const leftCount = record[SPLIT_LEFT + C];
    record[SPLIT_DEFAULT_LEFT] = leftCount >= totals[totalsAt + C] - leftCount ? 1 : 0;
  }
}

/** scanFeature for one gradient channel (boosting, binary forests): the same scan with scalar sums. */
function scanFeature1(
  hist: Float64Array,
  base: number,
  valueBins: number,
  order: Int32Array | null,
  orderLength: number,
  totals: Float64Array,
  totalsAt: number,
  parentScore: number,
  p: SplitParams,
  feature: number,
  record: Float64Array,
): void {
  const miss = base + valueBins * 3;
  const mg = hist[miss];
  const mh = hist[miss + 1];
  const mc = hist[miss + 2];
  const tg = totals[totalsAt];
  const th = totals[totalsAt + 1];
  const tc = totals[totalsAt + 2];
  let lg = 0;
  let lh = 0;
  let lc = 0;
  const best = bestScratch;
  best[0] = record[SPLIT_GAIN];
  best[1] = 0;
  const last = order ? orderLength - 1 : valueBins - 1;
  for (let t = 0; t < last; t++) {
    const b = order ? order[t] : t;
    const at = base + b * 3;
    lg += hist[at];
    lh += hist[at + 1];
    lc += hist[at + 2];
    if (lc === 0) continue;
    consider1(best, lg, lh, lc, tg, th, tc, b, 0, parentScore, p, feature, record);
    if (mc > 0) consider1(best, lg + mg, lh + mh, lc + mc, tg, th, tc, b, 1, parentScore, p, feature, record);
    if (lc + mc >= tc) break;
  }
  if (mc > 0 && mc < tc)
    consider1(best, tg - mg, th - mh, tc - mc, tg, th, tc, valueBins - 1, 0, parentScore, p, feature, record);
  const found = best[1] === 1;
  const bestGain = best[0];
  const bestBin = best[2];
  const bestLeft = best[3];
  const bg = best[4];
  const bh = best[5];
  const bc = best[6];
  if (!found) return;
  record[SPLIT_GAIN] = bestGain;
  record[SPLIT_FEATURE] = feature;
  record[SPLIT_BIN] = bestBin;
  // Without missing values in this node, missing values at predict time follow the larger child.
  record[SPLIT_DEFAULT_LEFT] = mc === 0 ? (bc >= tc - bc ? 1 : 0) : bestLeft;
  record[SPLIT_LEFT] = bg;
  record[SPLIT_LEFT + 1] = bh;
  record[SPLIT_LEFT + 2] = bc;
}

/** Best candidate of a scalar scan: gain, found (1/0), bin, defaultLeft, left g, h, count. */
const bestScratch = new Float64Array(7);

function consider1(
  best: Float64Array,
  gl: number,
  hl: number,
  cl: number,
  tg: number,
  th: number,
  tc: number,
  bin: number,
  defaultLeft: number,
  parentScore: number,
  p: SplitParams,
  feature: number,
  record: Float64Array,
): void {
  const cr = tc - cl;
  const hr = th - hl;
  if (cl < p.minSamplesLeaf || cr < p.minSamplesLeaf || hl < p.minHessian || hr < p.minHessian) return;
  const lambda = p.lambda;
  if (!(hl + lambda > 0 && hr + lambda > 0)) return;
  const a = shrink(gl, p.alpha);
  const b = shrink(tg - gl, p.alpha);
  const gain = (a * a) / (hl + lambda) + (b * b) / (hr + lambda) - parentScore;
  if (gain > best[0] || (gain === best[0] && best[1] === 0 && feature < record[SPLIT_FEATURE])) {
    best[0] = gain;
    best[1] = 1;
    best[2] = bin;
    best[3] = defaultLeft;
    best[4] = gl;
    best[5] = hl;
    best[6] = cl;
  }
}

function shrink(g: number, alpha: number): number {
  return alpha === 0 ? g : g > alpha ? g - alpha : g < -alpha ? g + alpha : 0;
}

function tryCandidate(
  left: Float64Array,
  right: Float64Array,
  parentScore: number,
  p: SplitParams,
  feature: number,
  bin: number,
  defaultLeft: number,
  record: Float64Array,
): void {
  const H = p.nGrad;
  const C = p.nGrad + 1;
  if (left[C] < p.minSamplesLeaf || right[C] < p.minSamplesLeaf) return;
  if (left[H] < p.minHessian || right[H] < p.minHessian) return;
  if (!(left[H] + p.lambda > 0 && right[H] + p.lambda > 0)) return;
  const gain = nodeScore(left, 0, p) + nodeScore(right, 0, p) - parentScore;
  if (!isBetterSplit(gain, feature, record)) return;
  record[SPLIT_GAIN] = gain;
  record[SPLIT_FEATURE] = feature;
  record[SPLIT_BIN] = bin;
  record[SPLIT_DEFAULT_LEFT] = defaultLeft;
  for (let k = 0; k <= C; k++) record[SPLIT_LEFT + k] = left[k];
}

/**
 * Rebuilds the histogram of bundled feature j from its group's histogram into `out`
 * (value bins then the missing bin): the default bin gets what the other bins leave of the totals.
 */
export function unbundleFeature(
  hist: Float64Array,
  groupBase: number,
  layout: FeatureLayout,
  j: number,
  totals: Float64Array,
  totalsAt: number,
  S: number,
  out: Float64Array,
): void {
  const def = layout.featureDefaultBin[j];
  const total = layout.featureValueBins[j] + 1;
  const offset = layout.featureOffset[j];
  for (let k = 0; k < S; k++) out[def * S + k] = totals[totalsAt + k];
  for (let b = 0, m = 0; b < total; b++) {
    if (b === def) continue;
    const src = groupBase + (offset + m) * S;
    const dst = b * S;
    for (let k = 0; k < S; k++) {
      const v = hist[src + k];
      out[dst + k] = v;
      out[def * S + k] -= v;
    }
    m++;
  }
}
