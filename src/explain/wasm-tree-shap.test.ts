import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { wasmPath } from '../core/wasm-module.js';
import type { TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { DEFAULT_PATH_TABLE_LIMITS, type PathTableLimits } from './path-tables.js';
import { type RandomEnsembleOptions, randomEnsemble, randomRows } from './test-support/random-trees.js';
import { TreeExplainer } from './tree-explainer.js';

// `npm test` builds the library, WebAssembly kernels included, before it runs the tests.
test('the Tree SHAP WebAssembly kernel is built, and one-output models use it', () => {
  assert.ok(existsSync(wasmPath('tree-shap-kernel.wasm')), `${wasmPath('tree-shap-kernel.wasm')}: run npm run build`);
  const view = randomEnsemble({ trees: 4, features: 5, maxDepth: 4, seed: 1 });
  assert.equal(new TreeExplainer(view).kernel, 'webassembly');
  assert.equal(new TreeExplainer(view, DEFAULT_PATH_TABLE_LIMITS, { kernel: 'typescript' }).kernel, 'typescript');
  assert.equal(new TreeExplainer(view, null).kernel, 'recursive');
  // Several outputs (multi-class) keep the TypeScript loops.
  const multi = randomEnsemble({ trees: 6, features: 5, maxDepth: 4, columns: 3, seed: 2 });
  assert.equal(new TreeExplainer(multi).kernel, 'typescript');
});

/**
 * Rows [r0, r1) explained into arrays that already hold values (explain adds), through the
 * WebAssembly kernel and through the TypeScript loops: the same bits.
 */
function assertSameBits(
  view: TreeEnsembleView,
  limits: PathTableLimits,
  rows: number,
  r0: number,
  r1: number,
  seed: number,
): void {
  const d = view.nFeatures;
  const X = randomRows(rows, d, seed);
  const start = Float64Array.from(randomRows(r1 - r0, d, seed + 1), (v) => (Number.isNaN(v) ? -0.25 : v));
  const wasm = new TreeExplainer(view, limits);
  const ts = new TreeExplainer(view, limits, { kernel: 'typescript' });
  assert.equal(wasm.kernel, 'webassembly');
  const a = [Float64Array.from(start)];
  const b = [Float64Array.from(start)];
  wasm.explain(X, r0, r1, a);
  ts.explain(X, r0, r1, b);
  let changed = 0;
  for (let k = 0; k < a[0].length; k++) {
    assert.ok(Object.is(a[0][k], b[0][k]), `entry ${k}: ${a[0][k]} (webassembly) vs ${b[0][k]} (typescript)`);
    if (a[0][k] !== start[k]) changed++;
  }
  assert.ok(changed > a[0].length / 4, `only ${changed} of ${a[0].length} contributions changed`);
}

const families: [string, Omit<RandomEnsembleOptions, 'seed'>][] = [
  ['binary boosting, deep trees', { trees: 8, features: 6, maxDepth: 6 }],
  ['binary boosting, wide paths', { trees: 6, features: 9, maxDepth: 5, leafChance: 0 }],
  ['binary forest (mean of the trees)', { trees: 7, features: 5, maxDepth: 5, scale: 0.2 }],
];

for (const [label, options] of families) {
  test(`the WebAssembly kernel adds the same bits as the TypeScript loops, missing values, odd blocks and an offset range included: ${label}`, () => {
    for (let seed = 1; seed <= 3; seed++) {
      const view = randomEnsemble({ ...options, seed });
      // 1 row, under one block, several blocks with a short last one, and a range that starts past 0.
      assertSameBits(view, DEFAULT_PATH_TABLE_LIMITS, 1, 0, 1, seed + 10);
      assertSameBits(view, DEFAULT_PATH_TABLE_LIMITS, 20, 0, 20, seed + 20);
      assertSameBits(view, DEFAULT_PATH_TABLE_LIMITS, 150, 0, 150, seed + 30);
      assertSameBits(view, DEFAULT_PATH_TABLE_LIMITS, 150, 37, 141, seed + 40);
    }
  });
}

test('one explainer alternating between blocks of four rows or more (feature-major) and of fewer (row by row) adds the same bits as the TypeScript loops', () => {
  const view = randomEnsemble({ trees: 8, features: 7, maxDepth: 6, seed: 5 });
  const d = view.nFeatures;
  const X = randomRows(160, d, 77);
  const wasm = new TreeExplainer(view, DEFAULT_PATH_TABLE_LIMITS);
  const ts = new TreeExplainer(view, DEFAULT_PATH_TABLE_LIMITS, { kernel: 'typescript' });
  assert.equal(wasm.kernel, 'webassembly');
  // Each range after a longer one: the short blocks' scratch follows the long blocks' layout in the same memory.
  for (const [r0, r1] of [
    [0, 150],
    [3, 4],
    [10, 13],
    [0, 37],
    [40, 42],
    [100, 160],
    [7, 8],
  ]) {
    const a = [new Float64Array((r1 - r0) * d)];
    const b = [new Float64Array((r1 - r0) * d)];
    wasm.explain(X, r0, r1, a);
    ts.explain(X, r0, r1, b);
    for (let k = 0; k < a[0].length; k++)
      assert.ok(Object.is(a[0][k], b[0][k]), `rows ${r0}–${r1}, entry ${k}: ${a[0][k]} (webassembly) vs ${b[0][k]} (typescript)`);
    assert.ok(
      a[0].some((v) => v !== 0),
      `rows ${r0}–${r1}: no contribution`,
    );
  }
});

test('with some trees left to recursion between tabulated ones, the WebAssembly kernel still adds the same bits in the same order', () => {
  const view = randomEnsemble({ trees: 10, features: 8, maxDepth: 6, seed: 1 });
  const limits = { maxPathFeatures: 5, budget: 1 << 22 };
  const explainer = new TreeExplainer(view, limits);
  const flags = Array.from(explainer.tables!.tabulated);
  // Runs of tabulated trees, broken by untabulated ones (not only at the ends).
  assert.ok(
    flags.some((f, t) => f === 0 && flags.slice(0, t).includes(1) && flags.slice(t).includes(1)),
    `tabulated: ${flags}`,
  );
  assertSameBits(view, limits, 90, 5, 88, 22);
});
