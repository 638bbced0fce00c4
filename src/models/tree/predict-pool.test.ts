import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import type { CompleteTreeLayout } from './complete-tree-layout.js';
import { PARALLEL_MIN_WALKS, PredictPool } from './predict-pool.js';
import { TreeTable } from './tree-table.js';

/** 200 full trees of depth 5 on 6 features, thresholds on a grid. */
function fullTrees(seed: number): TreeTable {
  const rng = new Rng(seed);
  const depth = 5;
  const nTrees = 200;
  const perTree = (1 << (depth + 1)) - 1;
  const n = nTrees * perTree;
  const feature = new Int32Array(n);
  const threshold = new Float64Array(n);
  const defaultLeft = new Uint8Array(n);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const value = new Float64Array(n);
  let k = 0;
  const grow = (d: number): number => {
    const node = k++;
    if (d === depth) {
      feature[node] = -1;
      value[node] = rng.next() - 0.5;
      return node;
    }
    feature[node] = Math.floor(rng.next() * 6);
    threshold[node] = Math.round(rng.next() * 8) / 4 - 1;
    defaultLeft[node] = rng.next() < 0.5 ? 1 : 0;
    left[node] = grow(d + 1);
    right[node] = grow(d + 1);
    return node;
  };
  const treeStart = new Int32Array(nTrees + 1);
  for (let t = 0; t < nTrees; t++) {
    grow(0);
    treeStart[t + 1] = k;
  }
  return new TreeTable({
    nOutputs: 1,
    treeStart,
    feature,
    threshold,
    defaultLeft,
    left,
    right,
    value,
    cover: new Float64Array(n),
    gain: new Float64Array(n),
  });
}

test('predict pool: two threads give the same values, bit for bit, as one (the worker takes part)', async () => {
  const table = fullTrees(3);
  const rows = 60_000;
  assert.ok(rows * table.nTrees >= PARALLEL_MIN_WALKS);
  const rng = new Rng(4);
  const x = Float64Array.from({ length: rows * 6 }, () =>
    rng.next() < 0.05 ? Number.NaN : Math.round(rng.next() * 10) / 4 - 1.25,
  );
  const pool = PredictPool.shared();
  assert.equal(await pool.start(), true, 'worker started');
  const base = (i: number) => (i % 7) / 10;
  const one = Float64Array.from({ length: rows }, (_, i) => base(i));
  table.accumulate(x, 6, 0, rows, 0, table.nTrees, one, 1, null, 1);
  // A busy machine may keep the worker from claiming anything in one call: a few tries.
  const before = pool.workerChunks;
  for (let attempt = 0; attempt < 5 && pool.workerChunks === before; attempt++) {
    const two = Float64Array.from({ length: rows }, (_, i) => base(i));
    table.accumulate(x, 6, 0, rows, 0, table.nTrees, two, 1, null, 2);
    for (let i = 0; i < rows; i++) assert.ok(Object.is(one[i], two[i]), `row ${i}: ${one[i]} vs ${two[i]}`);
  }
  assert.ok(pool.workerChunks > before, 'the worker did some chunks');
  // A row range with an offset output and two output columns (trees alternate).
  const columns = Int32Array.from({ length: table.nTrees }, (_, t) => t % 2);
  const layout = table.completeLayout() as CompleteTreeLayout;
  const expected = new Float64Array(50_000 * 2);
  const window = { x, cols: 6, r0: 5_000, r1: 55_000, t0: 0, t1: table.nTrees, outRow0: 5_000, outCols: 2, treeColumn: columns };
  layout.accumulate({ ...window, out: expected });
  const shared = new Float64Array(50_000 * 2);
  pool.accumulate(layout, 2, { ...window, out: shared });
  for (let i = 0; i < shared.length; i++) assert.ok(Object.is(shared[i], expected[i]), `cell ${i}`);
});

test('predict pool: a wide batch is shared in windows of rows and still equals one thread', async () => {
  const table = fullTrees(5);
  const rows = 50_000;
  const cols = 400; // 160 MB of rows: more than one window's shared copy
  const rng = new Rng(6);
  const x = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let c = 0; c < 6; c++) x[i * cols + c] = Math.round(rng.next() * 10) / 4 - 1.25;
  assert.equal(await PredictPool.shared().start(), true);
  const one = new Float64Array(rows);
  table.accumulate(x, cols, 0, rows, 0, table.nTrees, one, 1, null, 1);
  const two = new Float64Array(rows);
  table.accumulate(x, cols, 0, rows, 0, table.nTrees, two, 1, null, 2);
  for (let i = 0; i < rows; i++) assert.ok(Object.is(one[i], two[i]), `row ${i}: ${one[i]} vs ${two[i]}`);
});
