import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Matrix } from '../../src/core/matrix.js';
import { kNearestNeighbors } from '../../src/sampling/nearest-neighbors.js';
import { readF64 } from './bench-data.js';

export interface NeighborBench {
  rows: number;
  cols: number;
  k: number;
  leadstackSeconds: number;
  sklearnSeconds: number | null;
  /** Share of rows whose k neighbour distances agree with scikit-learn's to 1e-6 (relative). */
  agreement: number | null;
  note: string;
}

/**
 * Times the k-nearest-neighbour search alone: every one of `rows` standardized training rows of
 * fold 0 against all of them (the "all rows" case, far larger than a minority class), leadstack's
 * chunked search against scikit-learn's brute-force NearestNeighbors, and checks they agree.
 */
export function benchNeighbors(
  X: Matrix,
  folds: Int32Array,
  rows: number,
  k: number,
  dir: string,
  python: string | null,
): NeighborBench {
  const picked: number[] = [];
  for (let i = 0; i < X.rows && picked.length < rows; i++) if (folds[i] !== 0) picked.push(i);
  const P = X.selectRows(picked);
  const n = P.rows;
  const d = P.cols;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += P.data[i * d + j];
    mean /= n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (P.data[i * d + j] - mean) ** 2;
    const sd = Math.sqrt(sq / n) || 1;
    for (let i = 0; i < n; i++) P.data[i * d + j] = (P.data[i * d + j] - mean) / sd;
  }
  const t0 = performance.now();
  const ours = kNearestNeighbors({ points: P.data, rows: n, cols: d }, k);
  const leadstackSeconds = (performance.now() - t0) / 1000;
  const gflops = (2 * n * n * d) / leadstackSeconds / 1e9;
  let sklearnSeconds: number | null = null;
  let agreement: number | null = null;
  if (python) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'points.f64'), new Uint8Array(P.data.buffer));
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ rows: n, cols: d }));
    const run = spawnSync(python, [resolve('bench/sampling/peers.py'), 'knn', dir, String(k)], { encoding: 'utf8' });
    if (run.status === 0) {
      sklearnSeconds = JSON.parse(run.stdout.trim().split('\n')[0]).seconds;
      const theirs = readF64(join(dir, 'sklearn-distances.f64'));
      let agree = 0;
      for (let q = 0; q < n; q++) {
        let same = true;
        for (let i = 0; i < k; i++) {
          const a = Math.sqrt(ours.distances[q * k + i]);
          const b = theirs[q * k + i];
          if (Math.abs(a - b) > 1e-6 * (1 + b)) same = false;
        }
        if (same) agree++;
      }
      agreement = agree / n;
    }
  }
  const peer =
    sklearnSeconds === null
      ? ''
      : `; scikit-learn's brute-force NearestNeighbors (BLAS): ${sklearnSeconds.toFixed(2)} s; neighbour distances agree on ${(100 * agreement!).toFixed(2)}% of rows`;
  const note = `Neighbour search alone, ${n.toLocaleString('en-US')} standardized training rows × ${d} columns, k = ${k}, every row against all: leadstack ${leadstackSeconds.toFixed(2)} s (${gflops.toFixed(1)} GFLOP/s, one thread, memory linear: chunks of 256 queries with a k-heap each)${peer}.`;
  return { rows: n, cols: d, k, leadstackSeconds, sklearnSeconds, agreement, note };
}
