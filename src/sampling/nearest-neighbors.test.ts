import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { kNearestNeighbors, type NeighborSpace } from './nearest-neighbors.js';

function randomSpace(rows: number, cols: number, seed: number, nCodes = 0): NeighborSpace {
  const rng = new Rng(seed);
  const points = Float64Array.from({ length: rows * cols }, () => rng.normal(0, 3) + 100);
  if (nCodes === 0) return { points, rows, cols };
  const codes = Int32Array.from({ length: rows * nCodes }, () => rng.int(3));
  return { points, rows, cols, codes, nCodes, mismatchCost: 2.5 };
}

/** Squared distances by definition, sorted (distance, index); the reference the search must reproduce. */
function bruteForce(ref: NeighborSpace, query: NeighborSpace, q: number, k: number, self: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r < ref.rows; r++) {
    if (self && r === q) continue;
    let s = 0;
    for (let j = 0; j < ref.cols; j++) s += (query.points[q * ref.cols + j] - ref.points[r * ref.cols + j]) ** 2;
    for (let c = 0; c < (ref.nCodes ?? 0); c++) {
      if (query.codes![q * ref.nCodes! + c] !== ref.codes![r * ref.nCodes! + c]) s += ref.mismatchCost!;
    }
    out.push([s, r]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, k);
}

function assertMatches(ref: NeighborSpace, query: NeighborSpace, k: number, self: boolean, options = {}): void {
  const nn = kNearestNeighbors(ref, k, self ? options : { ...options, queries: query });
  for (let q = 0; q < query.rows; q++) {
    const expected = bruteForce(ref, query, q, k, self);
    assert.deepEqual(
      Array.from(nn.indices.subarray(q * k, q * k + k)),
      expected.map((e) => e[1]),
      `query ${q}`,
    );
    expected.forEach(([d], i) => {
      assert.ok(Math.abs(nn.distances[q * k + i] - d) < 1e-9 * (1 + d));
    });
  }
}

test('kNearestNeighbors: finds the k nearest other rows, nearest first, as brute force does', () => {
  const space = randomSpace(61, 7, 1);
  assertMatches(space, space, 5, true);
});

test('kNearestNeighbors: each categorical mismatch adds the mismatch cost', () => {
  const space = randomSpace(45, 3, 2, 4);
  assertMatches(space, space, 4, true);
});

test('kNearestNeighbors: separate query rows keep reference rows equal to themselves', () => {
  const ref = randomSpace(40, 4, 3);
  const query: NeighborSpace = { points: ref.points.slice(0, 4 * 9), rows: 9, cols: 4 };
  assertMatches(ref, query, 3, false);
  const nn = kNearestNeighbors(ref, 1, { queries: query });
  assert.deepEqual(Array.from(nn.indices), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('kNearestNeighbors: chunk and block sizes do not change the result', () => {
  const space = randomSpace(53, 6, 4, 2);
  const a = kNearestNeighbors(space, 6);
  const b = kNearestNeighbors(space, 6, { chunkRows: 3, blockRows: 5 });
  const c = kNearestNeighbors(space, 6, { chunkRows: 1, blockRows: 4 });
  assert.deepEqual(b.indices, a.indices);
  assert.deepEqual(c.indices, a.indices);
});

test('kNearestNeighbors: equal distances list the lower row first', () => {
  const points = Float64Array.of(0, 1, -1, 2, -2);
  const nn = kNearestNeighbors({ points, rows: 5, cols: 1 }, 4);
  assert.deepEqual(Array.from(nn.indices.subarray(0, 4)), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(nn.distances.subarray(0, 4)), [1, 1, 4, 4]);
});

test('kNearestNeighbors: refuses k beyond the available rows, naming both numbers', () => {
  const space = randomSpace(5, 2, 5);
  assert.throws(
    () => kNearestNeighbors(space, 5),
    (e: Error) => e instanceof InputError && /k = 5.*only 4/.test(e.message),
  );
  assert.throws(() => kNearestNeighbors(space, 0), InputError);
});
