import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { wasmPath } from '../../core/wasm-module.js';
import { CompleteTreeLayout, type LeafSums } from './complete-tree-layout.js';
import { randomTable } from './test-support/random-trees.js';
import { WASM_MIN_WALKS } from './wasm-tree-predict.js';

/** Rows on the thresholds' grid, a share of cells missing. */
function randomRows(seed: number, rows: number, cols: number, missing: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: rows * cols }, () =>
    rng.next() < missing ? Number.NaN : Math.round(rng.next() * 10) / 4 - 1.25,
  );
}

/** The same call through the WebAssembly kernel and through the TypeScript walks, into sums that already hold values. */
function assertSameBits(layout: CompleteTreeLayout, sums: Omit<LeafSums, 'out'>, outLength: number, seed: number): void {
  assert.ok((sums.r1 - sums.r0) * (sums.t1 - sums.t0) >= WASM_MIN_WALKS, 'enough walks for the kernel');
  const start = randomRows(seed, outLength, 1, 0);
  const a = Float64Array.from(start);
  const b = Float64Array.from(start);
  layout.accumulate({ ...sums, out: a });
  layout.accumulate({ ...sums, out: b }, 'typescript');
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    assert.ok(Object.is(a[i], b[i]), `cell ${i}: ${a[i]} (webassembly) vs ${b[i]} (typescript)`);
    if (a[i] !== start[i]) changed++;
  }
  assert.ok(changed > a.length / 2, `only ${changed} of ${a.length} sums changed`);
}

test('the tree prediction WebAssembly kernel is built', () => {
  assert.ok(existsSync(wasmPath('tree-predict-kernel.wasm')), `${wasmPath('tree-predict-kernel.wasm')}: run npm run build`);
});

test('the prediction kernel adds the same bits as the TypeScript walks: missing values, uneven trees, odd row counts', () => {
  for (const [seed, depth, split, missing] of [
    [1, 6, 0.9, 0],
    [2, 6, 0.6, 0.05],
    [3, 3, 0.5, 0.5],
    [4, 1, 1, 0.3],
    [5, 8, 0.97, 0.1],
  ] as const) {
    const table = randomTable(seed, 60, 9, depth, split);
    const layout = CompleteTreeLayout.from(table.data, table.maxDepth());
    assert.ok(layout, `seed ${seed}: layout built`);
    const rows = 333; // not a multiple of the block or of the lanes
    const x = randomRows(seed + 100, rows, 9, missing);
    assertSameBits(layout, { x, cols: 9, r0: 0, r1: rows, t0: 0, t1: 60, outRow0: 0, outCols: 1, treeColumn: null }, rows, seed);
  }
});

test('the prediction kernel: row and tree ranges, output offsets, one column per tree, and a layout used with two widths', () => {
  const table = randomTable(6, 90, 5, 5, 0.8);
  const layout = CompleteTreeLayout.from(table.data, table.maxDepth())!;
  const columns = Int32Array.from({ length: 90 }, (_, t) => t % 3);
  const x = randomRows(7, 400, 5, 0.1);
  // Rows 37..390 written from row 0 of the sums, trees 10..80 into three columns.
  const ranged = { x, cols: 5, r0: 37, r1: 390, t0: 10, t1: 80, outRow0: 37, outCols: 3, treeColumn: columns };
  assertSameBits(layout, ranged, 353 * 3, 8);
  // The same layout for rows twice as wide (its block buffers are laid out again), then as before.
  const wide = randomRows(9, 300, 10, 0.05);
  assertSameBits(layout, { x: wide, cols: 10, r0: 0, r1: 300, t0: 0, t1: 90, outRow0: 0, outCols: 1, treeColumn: null }, 300, 10);
  assertSameBits(layout, ranged, 353 * 3, 11);
});
