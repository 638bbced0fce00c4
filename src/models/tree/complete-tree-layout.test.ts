import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { CompleteTreeLayout } from './complete-tree-layout.js';
import { randomTable } from './test-support/random-trees.js';
import { TreeTable, type TreeTableData } from './tree-table.js';

/** Rows on the thresholds' grid, a share of cells missing. */
function randomRows(seed: number, rows: number, cols: number, missing: number): Float64Array {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  return Float64Array.from({ length: rows * cols }, () => (rand() < missing ? Number.NaN : Math.round(rand() * 10) / 4 - 1.25));
}

/** The node table's own walk, one row and tree at a time. */
function walkSums(table: TreeTable, x: Float64Array, rows: number, cols: number, outCols: number, treeColumn: Int32Array | null) {
  const out = new Float64Array(rows * outCols);
  for (let i = 0; i < rows; i++) {
    for (let t = 0; t < table.nTrees; t++)
      out[i * outCols + (treeColumn ? treeColumn[t] : 0)] += table.data.value[table.leafOf(t, x, i * cols)];
  }
  return out;
}

function assertSame(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++)
    assert.ok(Object.is(actual[i], expected[i]), `${what}: cell ${i}: ${actual[i]} vs ${expected[i]}`);
}

test('complete-tree layout: the same sums as the node walk, with missing values, uneven trees and rows on the thresholds', () => {
  for (const [seed, depth, split, missing] of [
    [1, 6, 0.9, 0],
    [2, 6, 0.6, 0.2],
    [3, 3, 0.5, 0.5],
    [4, 1, 1, 0.3],
  ] as const) {
    const table = randomTable(seed, 40, 7, depth, split);
    const rows = 333; // not a multiple of the block or of the lanes
    const x = randomRows(seed + 100, rows, 7, missing);
    const layout = CompleteTreeLayout.from(table.data, table.maxDepth());
    assert.ok(layout, `seed ${seed}: layout built`);
    const out = new Float64Array(rows);
    layout.accumulate({ x, cols: 7, r0: 0, r1: rows, t0: 0, t1: table.nTrees, out, outRow0: 0, outCols: 1, treeColumn: null });
    assertSame(out, walkSums(table, x, rows, 7, 1, null), `seed ${seed}`);
    // Through the table (its accumulate picks the layout for this many walks).
    const viaTable = new Float64Array(rows);
    table.accumulate(x, 7, 0, rows, 0, table.nTrees, viaTable, 1, null);
    assertSame(viaTable, out, `seed ${seed} via table`);
  }
});

test('complete-tree layout: row and tree ranges, output offsets and one column per tree', () => {
  const table = randomTable(5, 12, 4, 5, 0.8);
  const x = randomRows(6, 100, 4, 0.1);
  const layout = CompleteTreeLayout.from(table.data, table.maxDepth())!;
  const columns = Int32Array.from({ length: 12 }, (_, t) => t % 3);
  const full = walkSums(table, x, 100, 4, 3, columns);
  // Rows 30..90 written from row 0 of `part`; trees 0..12 in two ranges.
  const part = new Float64Array(60 * 3);
  const rows = { x, cols: 4, r0: 30, r1: 90, out: part, outRow0: 30, outCols: 3, treeColumn: columns };
  layout.accumulate({ ...rows, t0: 0, t1: 5 });
  layout.accumulate({ ...rows, t0: 5, t1: 12 });
  const expected = full.slice(30 * 3, 90 * 3);
  // Sums in another grouping of trees may differ in the last bit; compare closely, not bit for bit.
  for (let i = 0; i < part.length; i++) assert.ok(Math.abs(part[i] - expected[i]) < 1e-12, `cell ${i}`);
});

test('complete-tree layout: refused for multi-output, too deep or too lopsided trees', () => {
  const multi = randomTable(7, 5, 3, 3, 0.8, 3);
  assert.equal(CompleteTreeLayout.from(multi.data, multi.maxDepth()), null);
  const deep = randomTable(8, 2, 3, 11, 1);
  assert.equal(CompleteTreeLayout.from(deep.data, deep.maxDepth()), null);
  // A chain of depth 9 (each left child a leaf): 19 nodes per tree would pad to 1,023.
  const D = 9;
  const n = 2 * D + 1;
  const feature = new Int32Array(n).fill(-1);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  for (let d = 0; d < D; d++) {
    const k = 2 * d;
    feature[k] = 0;
    left[k] = k + 1;
    right[k] = k + 2;
  }
  const chain: TreeTableData = {
    nOutputs: 1,
    treeStart: Int32Array.from([0, n]),
    feature,
    threshold: new Float64Array(n),
    defaultLeft: new Uint8Array(n),
    left,
    right,
    value: new Float64Array(n),
    cover: new Float64Array(n),
    gain: new Float64Array(n),
  };
  assert.equal(new TreeTable(chain).maxDepth(), D);
  assert.equal(CompleteTreeLayout.from(chain, D), null);
});
