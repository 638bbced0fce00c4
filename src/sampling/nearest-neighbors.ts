import { InputError } from '../core/errors.js';

/** Points of a distance space: continuous coordinates plus optional categorical codes. */
export interface NeighborSpace {
  /** Row-major coordinates, rows × cols (not modified). */
  points: Float64Array;
  rows: number;
  cols: number;
  /** Categorical codes, rows × nCodes; every code that differs adds `mismatchCost` to the squared distance. */
  codes?: Int32Array;
  nCodes?: number;
  mismatchCost?: number;
}

/** The k nearest reference rows of each query row. */
export interface Neighbors {
  k: number;
  /** Query rows × k reference row indices, nearest first (equal distances: lower index first). */
  indices: Int32Array;
  /** The matching squared distances. */
  distances: Float64Array;
}

export interface NeighborOptions {
  /** Rows whose neighbours are wanted; default the reference rows themselves, each excluding itself. */
  queries?: NeighborSpace;
  /** Query rows processed together (default 256). */
  chunkRows?: number;
  /** Reference rows per cache block (default 192). */
  blockRows?: number;
}

/**
 * Brute-force k-nearest-neighbour search in squared Euclidean distance (plus a cost per
 * categorical mismatch). Memory stays linear in the data: query rows are processed in chunks
 * against cache-sized blocks of reference rows, and each query keeps only a k-entry max-heap —
 * never a queries × reference distance matrix. Distances use ‖q‖² + ‖r‖² − 2 q·r on columns
 * centred at the reference mean (less cancellation), with precomputed squared norms and dot
 * products four reference rows at a time.
 */
export function kNearestNeighbors(reference: NeighborSpace, k: number, options: NeighborOptions = {}): Neighbors {
  const self = options.queries === undefined;
  const queries = options.queries ?? reference;
  assertSpace(reference, 'reference');
  if (!self) assertSpace(queries, 'queries');
  if (queries.cols !== reference.cols || (queries.nCodes ?? 0) !== (reference.nCodes ?? 0)) {
    throw new InputError('kNearestNeighbors: queries and reference rows must have the same columns and codes');
  }
  const available = reference.rows - (self ? 1 : 0);
  if (!Number.isInteger(k) || k < 1 || k > available) {
    throw new InputError(`kNearestNeighbors: k = ${k} neighbours asked for, but only ${available} reference rows are available`);
  }
  const d = reference.cols;
  const means = columnMeans(reference);
  const R = centred(reference, means);
  const Q = self ? R : centred(queries, means);
  const rNorm = squaredNorms(R, reference.rows, d);
  const qNorm = self ? rNorm : squaredNorms(Q, queries.rows, d);
  const nq = queries.rows;
  const indices = new Int32Array(nq * k);
  const distances = new Float64Array(nq * k);
  const chunk = Math.max(1, options.chunkRows ?? 256);
  const block = Math.max(4, options.blockRows ?? 192);
  const heapD = new Float64Array(chunk * k);
  const heapI = new Int32Array(chunk * k);
  const codes = reference.nCodes ? { ref: reference.codes!, query: queries.codes!, n: reference.nCodes } : null;
  const cost = reference.mismatchCost ?? 0;
  const scan: Scan = { Q, R, d, qNorm, rNorm, heapD, heapI, k, self, codes, cost };
  for (let q0 = 0; q0 < nq; q0 += chunk) {
    const q1 = Math.min(nq, q0 + chunk);
    heapD.fill(Number.POSITIVE_INFINITY);
    heapI.fill(0x7fffffff);
    for (let r0 = 0; r0 < reference.rows; r0 += block) {
      const r1 = Math.min(reference.rows, r0 + block);
      let q = q0;
      for (; q + 1 < q1; q += 2) scanPair(scan, q, (q - q0) * k, r0, r1);
      if (q < q1) scanOne(scan, q, (q - q0) * k, r0, r1);
    }
    for (let q = q0; q < q1; q++) sortHeap(heapD, heapI, (q - q0) * k, k, distances, indices, q * k);
  }
  return { k, indices, distances };
}

type Codes = { ref: Int32Array; query: Int32Array; n: number } | null;

/** What a block scan reads and the heaps it updates. */
interface Scan {
  Q: Float64Array;
  R: Float64Array;
  d: number;
  qNorm: Float64Array;
  rNorm: Float64Array;
  heapD: Float64Array;
  heapI: Int32Array;
  k: number;
  self: boolean;
  codes: Codes;
  cost: number;
}

/** Offers reference rows r0..r1−1 to the heaps of queries q and q + 1 (2 × 4 dot products per pass). */
function scanPair(s: Scan, q: number, h: number, r0: number, r1: number): void {
  const { Q, R, d, rNorm } = s;
  const qa = q * d;
  const qb = qa + d;
  const na = s.qNorm[q];
  const nb = s.qNorm[q + 1];
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const o0 = r * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let j = 0; j < d; j++) {
      const x = Q[qa + j];
      const y = Q[qb + j];
      const u0 = R[o0 + j];
      const u1 = R[o1 + j];
      const u2 = R[o2 + j];
      const u3 = R[o3 + j];
      a0 += x * u0;
      a1 += x * u1;
      a2 += x * u2;
      a3 += x * u3;
      b0 += y * u0;
      b1 += y * u1;
      b2 += y * u2;
      b3 += y * u3;
    }
    offer(s, q, h, r, na + rNorm[r] - 2 * a0);
    offer(s, q, h, r + 1, na + rNorm[r + 1] - 2 * a1);
    offer(s, q, h, r + 2, na + rNorm[r + 2] - 2 * a2);
    offer(s, q, h, r + 3, na + rNorm[r + 3] - 2 * a3);
    offer(s, q + 1, h + s.k, r, nb + rNorm[r] - 2 * b0);
    offer(s, q + 1, h + s.k, r + 1, nb + rNorm[r + 1] - 2 * b1);
    offer(s, q + 1, h + s.k, r + 2, nb + rNorm[r + 2] - 2 * b2);
    offer(s, q + 1, h + s.k, r + 3, nb + rNorm[r + 3] - 2 * b3);
  }
  if (r < r1) {
    scanOne(s, q, h, r, r1);
    scanOne(s, q + 1, h + s.k, r, r1);
  }
}

/** Offers reference rows r0..r1−1 to query q's heap. */
function scanOne(s: Scan, q: number, h: number, r0: number, r1: number): void {
  const { Q, R, d, rNorm } = s;
  const qo = q * d;
  const qn = s.qNorm[q];
  for (let r = r0; r < r1; r++) {
    const o = r * d;
    let dot = 0;
    for (let j = 0; j < d; j++) dot += Q[qo + j] * R[o + j];
    offer(s, q, h, r, qn + rNorm[r] - 2 * dot);
  }
}

/** Keeps reference row r in query q's heap (at offset h) when it is nearer than the farthest kept one. */
function offer(s: Scan, q: number, h: number, r: number, squared: number): void {
  if (s.self && r === q) return;
  const { heapD, heapI, k, codes } = s;
  let dist = Math.max(squared, 0);
  if (codes !== null) {
    const n = codes.n;
    let mismatches = 0;
    for (let c = 0, a = q * n, b = r * n; c < n; c++) if (codes.query[a + c] !== codes.ref[b + c]) mismatches++;
    dist += mismatches * s.cost;
  }
  const top = heapD[h];
  if (dist > top || (dist === top && r > heapI[h])) return;
  // Replace the root (the farthest kept neighbour) and sift it down the max-heap.
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= k) break;
    let child = left;
    const right = left + 1;
    if (right < k && greater(heapD[h + right], heapI[h + right], heapD[h + left], heapI[h + left])) child = right;
    if (!greater(heapD[h + child], heapI[h + child], dist, r)) break;
    heapD[h + i] = heapD[h + child];
    heapI[h + i] = heapI[h + child];
    i = child;
  }
  heapD[h + i] = dist;
  heapI[h + i] = r;
}

/** (da, ia) is farther than (db, ib): larger distance, or the same distance and a larger index. */
function greater(da: number, ia: number, db: number, ib: number): boolean {
  return da > db || (da === db && ia > ib);
}

/** Writes one query's heap nearest first. */
function sortHeap(
  heapD: Float64Array,
  heapI: Int32Array,
  h: number,
  k: number,
  distances: Float64Array,
  indices: Int32Array,
  out: number,
): void {
  const order = Array.from({ length: k }, (_, i) => i);
  order.sort((a, b) => heapD[h + a] - heapD[h + b] || heapI[h + a] - heapI[h + b]);
  for (let i = 0; i < k; i++) {
    distances[out + i] = heapD[h + order[i]];
    indices[out + i] = heapI[h + order[i]];
  }
}

function assertSpace(space: NeighborSpace, what: string): void {
  if (space.points.length !== space.rows * space.cols) {
    throw new InputError(`kNearestNeighbors: ${what} has ${space.points.length} values, expected ${space.rows} × ${space.cols}`);
  }
  const n = space.nCodes ?? 0;
  if (n > 0 && (!space.codes || space.codes.length !== space.rows * n)) {
    throw new InputError(`kNearestNeighbors: ${what} needs ${space.rows} × ${n} categorical codes`);
  }
}

function columnMeans(space: NeighborSpace): Float64Array {
  const { points, rows, cols } = space;
  const means = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0, o = i * cols; j < cols; j++) means[j] += points[o + j];
  for (let j = 0; j < cols; j++) means[j] /= Math.max(1, rows);
  return means;
}

function centred(space: NeighborSpace, means: Float64Array): Float64Array {
  const { points, rows, cols } = space;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0, o = i * cols; j < cols; j++) out[o + j] = points[o + j] - means[j];
  return out;
}

function squaredNorms(points: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0, o = i * cols; j < cols; j++) s += points[o + j] * points[o + j];
    out[i] = s;
  }
  return out;
}
