import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from './bin-mapper.js';
import { BinnedDataset } from './binned-dataset.js';
import { HistogramEvaluator } from './histogram-evaluator.js';
import { newtonValue, SPLIT_BIN, SPLIT_DEFAULT_LEFT, SPLIT_FEATURE, SPLIT_GAIN, type SplitParams } from './split-finder.js';
import { forEachLeaf, type GrowNode, TreeGrower } from './tree-grower.js';
import { TreeTable } from './tree-table.js';
import { growNodeLeaf, TreeTableBuilder } from './tree-table-builder.js';

const PARAMS: SplitParams = { nGrad: 1, lambda: 1, alpha: 0, minSamplesLeaf: 1, minHessian: 0 };

interface GrowOptions {
  bundle?: boolean;
  maxDepth?: number | null;
  maxLeaves?: number;
  params?: Partial<SplitParams>;
  minGain?: number;
  /** Hessians (default: all 1, so a node's hessian sum is its row count). */
  hess?: Float64Array;
  /** Histogram slots of the evaluator (default 64). */
  maxSlots?: number;
}

/** Grows one Newton tree on gradients `grad` and returns it with its frozen table. */
async function growTree(X: Matrix, grad: Float64Array, options: GrowOptions = {}) {
  const params = { ...PARAMS, ...options.params };
  const mapper = BinMapper.fit(X, 255);
  const data = BinnedDataset.build(X, mapper, { bundle: options.bundle ?? true });
  const evaluator = await HistogramEvaluator.create(data, params, {
    nThreads: 1,
    maxSlots: options.maxSlots ?? 64,
    binWeight: 8,
  });
  const hess = options.hess ?? new Float64Array(X.rows).fill(1);
  evaluator.setTree(grad, hess, null, null);
  const totals = new Float64Array(3);
  for (let i = 0; i < X.rows; i++) {
    evaluator.rows[i] = i;
    totals[0] += grad[i];
    totals[1] += hess[i];
  }
  totals[2] = X.rows;
  const grower = new TreeGrower(data, params, {
    maxDepth: options.maxDepth === undefined ? 3 : options.maxDepth,
    maxLeaves: options.maxLeaves ?? null,
    minSamplesSplit: 2,
    minGain: options.minGain ?? 0,
  });
  const root = grower.grow(evaluator.rows, X.rows, totals, evaluator);
  await evaluator.close();
  const thresholdOf = (f: number, bin: number) => mapper.threshold(f, bin);
  const builder = new TreeTableBuilder(1, 1);
  const value = (leaf: GrowNode) => newtonValue(leaf.totals, 0, 0, params);
  builder.addTree(root, thresholdOf, (leaf, out, at) => {
    out[at] = value(leaf);
  });
  return { root, table: builder.build(), mapper, data, thresholdOf, value, params, rows: evaluator.rows };
}

function leavesOf(root: GrowNode): GrowNode[] {
  const leaves: GrowNode[] = [];
  forEachLeaf(root, (leaf) => leaves.push(leaf));
  return leaves;
}

function internalNodes(node: GrowNode, out: GrowNode[] = []): GrowNode[] {
  if (node.left && node.right) {
    out.push(node);
    internalNodes(node.left, out);
    internalNodes(node.right, out);
  }
  return out;
}

/** A noisy regression-like problem: gradients depend on features 0 and 1, with missing values. */
function noisyProblem(n: number, seed: number) {
  const rng = new Rng(seed);
  const X = new Matrix(n, 4);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) X.set(i, j, rng.bernoulli(0.05) ? Number.NaN : rng.normal(0, 1));
    grad[i] = Math.sin(2 * (X.get(i, 0) || 0)) + (X.get(i, 1) > 0 ? 1 : -1) + rng.normal(0, 0.5);
    hess[i] = 0.05 + rng.next();
  }
  return { X, grad, hess };
}

function describe(node: GrowNode): string {
  if (!node.left || !node.right || !node.split) return `leaf(${node.end - node.start})`;
  return `[f${node.split[SPLIT_FEATURE]}≤b${node.split[SPLIT_BIN]}${node.split[SPLIT_DEFAULT_LEFT] ? 'L' : 'R'} ${describe(node.left)} ${describe(node.right)}]`;
}

test('the grower splits on the feature that separates the gradients, at the gap', async () => {
  // Feature 0 is noise; feature 1 is 0..9 and gradients change sign between 5 and 6.
  const rng = new Rng(1);
  const rows = Array.from({ length: 10 }, (_, i) => [rng.normal(0, 1), i]);
  const grad = Float64Array.from({ length: 10 }, (_, i) => (i <= 5 ? 1 : -1));
  const { root, mapper } = await growTree(Matrix.fromRows(rows), grad, { maxDepth: 1 });
  assert.equal(root.split![SPLIT_FEATURE], 1);
  assert.equal(mapper.threshold(1, root.split![SPLIT_BIN]), 5.5);
  // Leaf values −G/(H + λ): left holds six rows of +1, right four rows of −1.
  assert.equal(newtonValue(root.left!.totals, 0, 0, PARAMS), -6 / 7);
  assert.equal(newtonValue(root.right!.totals, 0, 0, PARAMS), 4 / 5);
});

test('missing values go to the side whose gradients they resemble (learned default direction)', async () => {
  for (const missingLike of [1, -1]) {
    const values: number[] = [];
    const grad: number[] = [];
    for (let i = 0; i < 30; i++) {
      values.push(i < 10 ? i : i < 20 ? i : Number.NaN);
      grad.push(i < 10 ? 1 : i < 20 ? -1 : missingLike);
    }
    const { root, table } = await growTree(Matrix.fromColumns([values]), Float64Array.from(grad), { maxDepth: 1 });
    assert.equal(root.split![SPLIT_FEATURE], 0);
    // Low values have gradient +1 (left); missing rows with +1 belong left, with −1 right.
    assert.equal(root.split![SPLIT_DEFAULT_LEFT], missingLike === 1 ? 1 : 0);
    const leaf = table.leafOf(0, Float64Array.of(Number.NaN), 0);
    assert.equal(table.data.value[leaf] < 0, missingLike === 1, 'a missing value reaches the leaf of its look-alikes');
  }
});

test('exclusive feature bundling stores exclusive one-hot columns in one byte column and grows the same tree', async () => {
  const rng = new Rng(9);
  const n = 400;
  const columns: number[][] = [[], [], [], [], [], []];
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const level = rng.int(4);
    for (let k = 0; k < 4; k++) columns[k].push(level === k ? 1 : 0);
    columns[4].push(rng.normal(0, 1));
    columns[5].push(rng.bernoulli(0.3) ? 1 : 0);
    grad[i] = (level === 2 ? 1.5 : -0.5) + 0.8 * columns[4][i] + rng.normal(0, 0.3);
  }
  const X = Matrix.fromColumns(columns);
  const bundled = await growTree(X, grad, { bundle: true, maxDepth: 4 });
  const plain = await growTree(X, grad, { bundle: false, maxDepth: 4 });
  assert.ok(bundled.data.layout.nGroups < plain.data.layout.nGroups, 'the one-hot columns share a column');
  const l = bundled.data.layout;
  assert.equal(l.featureGroup[0], l.featureGroup[3], 'levels of one categorical are bundled');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 6; j++) assert.equal(bundled.data.featureBin(j, i), plain.data.featureBin(j, i), `row ${i} feature ${j}`);
  }
  assert.equal(describe(bundled.root), describe(plain.root));
  const a = bundled.table.data;
  const b = plain.table.data;
  assert.deepEqual(a.feature, b.feature);
  assert.deepEqual(a.threshold, b.threshold);
  for (let k = 0; k < a.value.length; k++) assert.ok(Math.abs(a.value[k] - b.value[k]) < 1e-12);
});

test('the flat node table predicts exactly what the grown node objects predict, missing values included', async () => {
  const rng = new Rng(4);
  const n = 500;
  const X = new Matrix(n, 3);
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X.set(i, j, rng.bernoulli(0.1) ? Number.NaN : rng.normal(0, 1));
    grad[i] = Math.sin(3 * (X.get(i, 0) || 0)) + (Number.isNaN(X.get(i, 1)) ? 2 : X.get(i, 1)) + rng.normal(0, 0.1);
  }
  const { root, table, thresholdOf, value } = await growTree(X, grad, { maxDepth: null, maxLeaves: 12 });
  let leaves = 0;
  for (let k = 0; k < table.nNodes; k++) leaves += table.data.feature[k] < 0 ? 1 : 0;
  assert.equal(leaves, 12, 'leaf-wise growth stops at maxLeaves');
  for (let i = 0; i < n; i++) {
    const expected = value(growNodeLeaf(root, thresholdOf, X.data, i * 3));
    assert.equal(table.data.value[table.leafOf(0, X.data, i * 3)], expected);
  }
  const out = new Float64Array(n);
  table.accumulate(X.data, 3, 0, n, 0, 1, out, 1, null);
  for (let i = 0; i < n; i++) assert.equal(out[i], value(growNodeLeaf(root, thresholdOf, X.data, i * 3)));
});

test('depth-wise growth stops at maxDepth and fills every level it can', async () => {
  const { X, grad } = noisyProblem(2000, 2);
  for (const maxDepth of [1, 2, 4]) {
    const { root, table } = await growTree(X, grad, { maxDepth });
    assert.equal(table.maxDepth(), maxDepth);
    assert.equal(leavesOf(root).length, 2 ** maxDepth, 'with 2,000 noisy rows every node at that depth is split');
  }
});

test('leaf-wise growth splits the leaf with the largest gain first', async () => {
  // Feature 0 separates the two halves; inside the x0 = 0 half feature 1 separates far stronger
  // gradients than feature 2 does inside the x0 = 1 half.
  const rng = new Rng(6);
  const rows: number[][] = [];
  const grad: number[] = [];
  for (let i = 0; i < 400; i++) {
    const [a, b, c] = [i % 2, rng.int(2), rng.int(2)];
    rows.push([a, b, c]);
    grad.push(a === 0 ? 5 + (b ? 2 : -2) : -5 + (c ? 0.5 : -0.5));
  }
  const X = Matrix.fromRows(rows);
  const { root } = await growTree(X, Float64Array.from(grad), { maxDepth: null, maxLeaves: 3 });
  assert.equal(root.split![SPLIT_FEATURE], 0);
  assert.equal(root.left!.split?.[SPLIT_FEATURE], 1, 'the x0 = 0 side is split, on feature 1');
  assert.ok(!root.right!.left, 'the weaker side stays a leaf');
  const depthWise = await growTree(X, Float64Array.from(grad), { maxDepth: 2 });
  assert.equal(leavesOf(depthWise.root).length, 4, 'depth-wise growth splits both sides');
});

test('leaf-wise growth also honours maxDepth', async () => {
  const { X, grad } = noisyProblem(2000, 3);
  const { root, table } = await growTree(X, grad, { maxDepth: 3, maxLeaves: 64 });
  assert.equal(table.maxDepth(), 3);
  assert.ok(leavesOf(root).length <= 8);
});

test('minSamplesLeaf: no leaf holds fewer rows', async () => {
  const { X, grad } = noisyProblem(1000, 4);
  for (const minSamplesLeaf of [1, 25, 120]) {
    const { root } = await growTree(X, grad, { maxDepth: 8, params: { minSamplesLeaf } });
    const counts = leavesOf(root).map((leaf) => leaf.end - leaf.start);
    assert.ok(Math.min(...counts) >= minSamplesLeaf, `smallest leaf ${Math.min(...counts)} < ${minSamplesLeaf}`);
    if (minSamplesLeaf === 1) assert.ok(Math.min(...counts) < 25, 'without the limit some leaves are small');
  }
});

test('minChildWeight (minimum hessian): every leaf keeps at least that much hessian', async () => {
  const { X, grad, hess } = noisyProblem(1000, 5);
  let previousLeaves = Number.POSITIVE_INFINITY;
  for (const minHessian of [0, 10, 60]) {
    const { root } = await growTree(X, grad, { maxDepth: 8, hess, params: { minHessian } });
    const leaves = leavesOf(root);
    for (const leaf of leaves) assert.ok(leaf.totals[1] >= minHessian, `leaf hessian ${leaf.totals[1]} < ${minHessian}`);
    assert.ok(leaves.length < previousLeaves, 'a larger minimum hessian gives fewer leaves');
    previousLeaves = leaves.length;
  }
});

test('split gain is GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ), and minGain removes splits that gain no more', async () => {
  const { X, grad, hess } = noisyProblem(1000, 6);
  const lambda = 3;
  const { root } = await growTree(X, grad, { maxDepth: 6, hess, params: { lambda } });
  const score = (node: GrowNode) => node.totals[0] ** 2 / (node.totals[1] + lambda);
  const gains: number[] = [];
  for (const node of internalNodes(root)) {
    const expected = score(node.left!) + score(node.right!) - score(node);
    assert.ok(Math.abs(node.split![SPLIT_GAIN] - expected) < 1e-9 * Math.abs(expected) + 1e-12);
    gains.push(node.split![SPLIT_GAIN]);
  }
  gains.sort((a, b) => a - b);
  const minGain = gains[Math.floor(gains.length / 2)];
  const pruned = await growTree(X, grad, { maxDepth: 6, hess, params: { lambda }, minGain });
  for (const node of internalNodes(pruned.root)) assert.ok(node.split![SPLIT_GAIN] > minGain);
  assert.ok(internalNodes(pruned.root).length < gains.length);
  const none = await growTree(X, grad, { maxDepth: 6, hess, params: { lambda }, minGain: root.split![SPLIT_GAIN] });
  assert.equal(leavesOf(none.root).length, 1, 'no split beats a minGain equal to the best gain');
});

test('leaf values are the regularised Newton step −T(G)/(H + λ) of their rows, T soft-thresholding by α', async () => {
  const { X, grad, hess } = noisyProblem(600, 7);
  const largestByLambda = new Map<number, number>();
  for (const [lambda, alpha] of [
    [0, 0],
    [1, 0],
    [50, 0],
    [1, 5],
  ]) {
    const { root, table, rows } = await growTree(X, grad, { maxDepth: 3, hess, params: { lambda, alpha } });
    let largest = 0;
    for (const leaf of leavesOf(root)) {
      let G = 0;
      let H = 0;
      for (let i = leaf.start; i < leaf.end; i++) {
        G += grad[rows[i]];
        H += hess[rows[i]];
      }
      const T = Math.sign(G) * Math.max(Math.abs(G) - alpha, 0);
      const expected = -T / (H + lambda);
      largest = Math.max(largest, Math.abs(expected));
      for (let i = leaf.start; i < leaf.end; i++) {
        const value = table.data.value[table.leafOf(0, X.data, rows[i] * X.cols)];
        assert.ok(
          Math.abs(value - expected) < 1e-10 * (1 + Math.abs(expected)),
          `λ ${lambda}, α ${alpha}: ${value} vs ${expected}`,
        );
      }
    }
    largestByLambda.set(lambda, Math.max(largestByLambda.get(lambda) ?? 0, largest));
  }
  assert.ok(largestByLambda.get(50)! < 0.5 * largestByLambda.get(0)!, 'a large λ shrinks the leaf values towards 0');
});

test('without missing values in training, a missing value at predict time follows the larger child', async () => {
  const values = Array.from({ length: 50 }, (_, i) => i);
  const grad = Float64Array.from(values, (v) => (v < 15 ? -1 : 1));
  const { root, table } = await growTree(Matrix.fromColumns([values]), grad, { maxDepth: 1 });
  assert.equal(root.split![SPLIT_DEFAULT_LEFT], 0, '35 rows went right');
  const leaf = table.leafOf(0, Float64Array.of(Number.NaN), 0);
  assert.equal(leaf, table.data.right[0]);
});

test('bundled and unbundled training grow the same deep tree on several one-hot blocks with sparse missing values', async () => {
  const rng = new Rng(12);
  const n = 3000;
  const levels = [6, 4, 9];
  const d = levels.reduce((a, b) => a + b, 0) + 2;
  const X = new Matrix(n, d);
  const grad = new Float64Array(n);
  const effect = Float64Array.from({ length: d }, () => rng.normal(0, 1));
  for (let i = 0; i < n; i++) {
    let offset = 0;
    for (const m of levels) {
      const j = offset + rng.weightedIndex(Array.from({ length: m }, (_, k) => 1 / (k + 1)));
      X.set(i, j, 1);
      grad[i] += effect[j];
      offset += m;
    }
    X.set(i, offset, rng.bernoulli(0.08) ? (rng.bernoulli(0.3) ? Number.NaN : rng.int(5) + 1) : 0);
    X.set(i, offset + 1, rng.normal(0, 1));
    grad[i] += (Number.isNaN(X.get(i, offset)) ? 1 : 0) + 0.5 * X.get(i, offset + 1) + rng.normal(0, 0.3);
  }
  const bundled = await growTree(X, grad, { bundle: true, maxDepth: null, maxLeaves: 40 });
  const plain = await growTree(X, grad, { bundle: false, maxDepth: null, maxLeaves: 40 });
  assert.ok(bundled.data.layout.nGroups <= 5, `${bundled.data.layout.nGroups} stored columns for ${d} features`);
  assert.equal(plain.data.layout.nGroups, d);
  assert.equal(describe(bundled.root), describe(plain.root));
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  bundled.table.accumulate(X.data, d, 0, n, 0, 1, a, 1, null);
  plain.table.accumulate(X.data, d, 0, n, 0, 1, b, 1, null);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-12, `row ${i}: ${a[i]} vs ${b[i]}`);
});

test('the node table survives a JSON round trip and slices to its first trees', async () => {
  const { X, grad } = noisyProblem(500, 8);
  const { table } = await growTree(X, grad, { maxDepth: 4 });
  const restored = TreeTable.fromJSON(JSON.parse(JSON.stringify(table.toJSON())));
  assert.deepEqual(restored.data, table.data);
  assert.deepEqual(restored.slice(1).data, table.data);
  const bad = JSON.parse(JSON.stringify(table.toJSON()));
  bad.left = table.toJSON().right;
  bad.feature = table.toJSON().threshold;
  assert.throws(() => TreeTable.fromJSON(bad), /tree table/);
});

test('a grower short of histogram memory builds histograms directly instead of subtracting, and grows the same tree', async () => {
  const { X, grad, hess } = noisyProblem(3000, 9);
  for (const limits of [{ maxDepth: 7 }, { maxDepth: null, maxLeaves: 30 }]) {
    const plenty = await growTree(X, grad, { ...limits, hess, maxSlots: 300 });
    for (const maxSlots of [1, 2, 5]) {
      const short = await growTree(X, grad, { ...limits, hess, maxSlots });
      assert.equal(describe(short.root), describe(plenty.root), `${maxSlots} slots`);
      const a = short.table.data.value;
      const b = plenty.table.data.value;
      for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k] - b[k]) < 1e-9, `${maxSlots} slots, node ${k}`);
    }
  }
});
