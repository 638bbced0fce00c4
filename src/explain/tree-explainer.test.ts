import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../core/matrix.js';
import type { TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { TreeTable } from '../models/tree/tree-table.js';
import { PathTables } from './path-tables.js';
import { bruteForceShap } from './test-support/brute-force-shap.js';
import { type RandomEnsembleOptions, randomEnsemble, randomRows } from './test-support/random-trees.js';
import { TreeExplainer } from './tree-explainer.js';
import { type TreeShapOptions, treeShap } from './tree-shap.js';
import { treePaths } from './unit-paths.js';

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

function rowsOf(view: TreeEnsembleView, n: number, seed: number): Matrix {
  return new Matrix(n, view.nFeatures, randomRows(n, view.nFeatures, seed));
}

/** Every contribution and the expected values of two results agree to 1e-9. */
function assertSameShap(view: TreeEnsembleView, X: Matrix, a: TreeShapOptions, b: TreeShapOptions): void {
  const left = treeShap(view, X, a);
  const right = treeShap(view, X, b);
  for (let k = 0; k < view.nOutputs; k++) {
    assert.ok(close(left.expectedValue[k], right.expectedValue[k]), `expected value ${k}`);
    const l = left.contributions[k].data;
    const r = right.contributions[k].data;
    for (let j = 0; j < l.length; j++) assert.ok(close(l[j], r[j]), `output ${k} entry ${j}: ${l[j]} vs ${r[j]}`);
  }
}

/** Contributions for every row equal brute-force Shapley values, and add up to the raw output. */
function assertBruteForce(view: TreeEnsembleView, X: Matrix, options: TreeShapOptions = {}): void {
  const result = treeShap(view, X, options);
  for (let i = 0; i < X.rows; i++) {
    const { phi, expected } = bruteForceShap(view, X.row(i));
    for (let k = 0; k < view.nOutputs; k++) {
      assert.ok(close(result.expectedValue[k], expected[k]), `expected value ${k}`);
      for (let j = 0; j < view.nFeatures; j++) {
        const actual = result.contributions[k].get(i, j);
        assert.ok(close(actual, phi[k][j]), `row ${i} output ${k} feature ${j}: ${actual} vs ${phi[k][j]}`);
      }
    }
  }
}

const families: [string, Omit<RandomEnsembleOptions, 'seed'>][] = [
  ['binary boosting', { trees: 6, features: 4, maxDepth: 5 }],
  ['binary boosting, many features', { trees: 4, features: 7, maxDepth: 4, leafChance: 0 }],
  ['multi-class boosting (one output column per tree)', { trees: 9, features: 5, maxDepth: 4, columns: 3 }],
  ['multi-class forest (class probabilities in the leaves)', { trees: 5, features: 4, maxDepth: 5, leafOutputs: 3, scale: 0.2 }],
  ['binary forest (mean of the trees)', { trees: 5, features: 5, maxDepth: 5, scale: 0.2 }],
];

for (const [label, options] of families) {
  test(`tabulated treeShap equals brute-force Shapley values on random trees, duplicate features and missing values included: ${label}`, () => {
    for (let seed = 1; seed <= 4; seed++) {
      const view = randomEnsemble({ ...options, seed });
      assert.equal(new PathTables(view).untabulated, 0);
      assertBruteForce(view, rowsOf(view, 12, seed + 100));
    }
  });

  test(`tabulated and recursive treeShap agree to 1e-9 on random trees: ${label}`, () => {
    for (let seed = 11; seed <= 16; seed++) {
      const view = randomEnsemble({ ...options, seed });
      assertSameShap(view, rowsOf(view, 60, seed), {}, { algorithm: 'recursive' });
    }
  });
}

test('random trees hold both kinds of units: twigs (a node and its leaves) and quads (two levels, four leaves)', () => {
  const view = randomEnsemble({ trees: 6, features: 4, maxDepth: 5, seed: 1 });
  const units = Array.from({ length: view.table.nTrees }, (_, t) => treePaths(view.table.data, t).units).flat();
  assert.ok(units.filter((u) => u.steps.length === 3).length > 3);
  assert.ok(units.filter((u) => u.steps.length === 1).length > 3);
  // Every leaf belongs to exactly one unit.
  const leaves = units.flatMap((u) => u.leaves.map((l) => l.node)).sort((a, b) => a - b);
  const expected = [...view.table.data.feature.keys()].filter((n) => view.table.data.feature[n] < 0 && !isRoot(view, n));
  assert.deepEqual(leaves, expected);
});

function isRoot(view: TreeEnsembleView, node: number): boolean {
  return view.table.data.treeStart.includes(node);
}

test('random trees repeat features on their paths (what the tables must merge)', () => {
  const view = randomEnsemble({ trees: 6, features: 4, maxDepth: 5, seed: 1 });
  const { feature, left, right } = view.table.data;
  let repeats = 0;
  const walk = (node: number, seen: Set<number>): void => {
    if (feature[node] < 0) return;
    if (seen.has(feature[node])) repeats++;
    const next = new Set(seen).add(feature[node]);
    walk(left[node], next);
    walk(right[node], next);
  };
  for (let t = 0; t < view.table.nTrees; t++) walk(view.table.data.treeStart[t], new Set());
  assert.ok(repeats > 5, `${repeats} repeated splits`);
});

test('trees whose paths are too long or whose tables exceed the budget are explained by recursion, with the same values', () => {
  const view = randomEnsemble({ trees: 8, features: 6, maxDepth: 5, columns: 2, seed: 21 });
  const X = rowsOf(view, 40, 22);
  const narrow = new PathTables(view, { maxPathFeatures: 3, budget: 1 << 22 });
  assert.ok(narrow.untabulated > 0 && narrow.untabulated < 8, `${narrow.untabulated} of 8 untabulated`);
  assertSameShap(view, X, { maxPathFeatures: 3 }, { algorithm: 'recursive' });
  const small = new PathTables(view, { maxPathFeatures: 12, budget: 2000 });
  assert.ok(small.untabulated > 0 && small.untabulated < 8, `${small.untabulated} of 8 untabulated`);
  assertSameShap(view, X, { tableBudget: 2000 }, { algorithm: 'recursive' });
  assertBruteForce(view, X.selectRows([0, 1, 2, 3]), { tableBudget: 2000 });
  assert.equal(new PathTables(view, { maxPathFeatures: 12, budget: 0 }).untabulated, 8);
});

test('a tree with more distinct features on a path than the limit falls back to recursion', () => {
  const view = randomEnsemble({ trees: 2, features: 40, maxDepth: 15, leafChance: 0.35, seed: 5 });
  const tables = new PathTables(view);
  assert.ok(tables.untabulated >= 1);
  assertSameShap(view, rowsOf(view, 30, 6), {}, { algorithm: 'recursive' });
});

/** One tree: x0 ≤ 0.5 (missing → left) ? (x0 ≤ 0.2 (missing → right) ? 1 : 2) : (x1 ≤ 0 ? 3 : 4). */
function handTree(): TreeEnsembleView {
  const table = new TreeTable({
    nOutputs: 1,
    treeStart: Int32Array.from([0, 7]),
    feature: Int32Array.from([0, 0, -1, -1, 1, -1, -1]),
    threshold: Float64Array.from([0.5, 0.2, 0, 0, 0, 0, 0]),
    defaultLeft: Uint8Array.from([1, 0, 0, 0, 1, 0, 0]),
    left: Int32Array.from([1, 2, -1, -1, 5, -1, -1]),
    right: Int32Array.from([4, 3, -1, -1, 6, -1, -1]),
    value: Float64Array.from([0, 0, 1, 2, 0, 3, 4]),
    cover: Float64Array.from([10, 6, 2, 4, 4, 1, 3]),
    gain: new Float64Array(7),
  });
  return { table, nFeatures: 2, nOutputs: 1, treeOutput: null, scale: 1, base: new Float64Array(1), output: 'log-odds' };
}

test('a missing value follows each node’s default direction: the same contributions as a value that goes that way', () => {
  const view = handTree();
  // Missing x0: left at the root, then right at the repeated split on x0 — the path of x0 = 0.3.
  const X = Matrix.fromRows([
    [Number.NaN, 1],
    [0.3, 1],
    [0.9, Number.NaN],
    [0.9, -1],
  ]);
  const { contributions } = treeShap(view, X);
  for (const [a, b] of [
    [0, 1],
    [2, 3],
  ]) {
    for (let j = 0; j < 2; j++) assert.equal(contributions[0].get(a, j), contributions[0].get(b, j));
  }
  assertBruteForce(view, X);
});

test('a feature split twice on a path gets one Shapley value for both splits', () => {
  const view = handTree();
  const X = Matrix.fromRows([
    [0.1, 5],
    [0.3, 5],
    [0.7, -5],
  ]);
  assertBruteForce(view, X);
  // Row 0 reaches leaf 1 (value 1): below the mean 2.3, all through x0; x1 is off its path only in the other branch.
  const { contributions, expectedValue } = treeShap(view, X);
  assert.ok(close(expectedValue[0] + contributions[0].get(0, 0) + contributions[0].get(0, 1), 1));
  assert.ok(contributions[0].get(0, 0) < 0);
});

test('the precomputation is cached per model and rebuilt for a view with another scale', () => {
  const view = randomEnsemble({ trees: 3, features: 4, maxDepth: 3, seed: 3 });
  const first = TreeExplainer.of(view);
  assert.equal(TreeExplainer.of({ ...view, base: Float64Array.from(view.base) }), first);
  const halved = { ...view, scale: 0.5 };
  const other = TreeExplainer.of(halved);
  assert.notEqual(other, first);
  const X = rowsOf(view, 5, 4);
  const full = treeShap(view, X).contributions[0].data;
  const half = treeShap(halved, X).contributions[0].data;
  for (let j = 0; j < full.length; j++) assert.ok(close(half[j], full[j] / 2));
});

test('explaining rows in pieces adds the same contributions as all at once', () => {
  const view = randomEnsemble({ trees: 5, features: 5, maxDepth: 4, columns: 2, seed: 8 });
  const X = rowsOf(view, 150, 9);
  const whole = treeShap(view, X).contributions;
  const explainer = TreeExplainer.of(view);
  const phi = [new Float64Array(50 * 5), new Float64Array(50 * 5)];
  explainer.explain(X.data, 70, 120, phi);
  for (let k = 0; k < 2; k++) assert.deepEqual(phi[k], whole[k].data.slice(70 * 5, 120 * 5));
});
