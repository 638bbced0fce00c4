import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from './bin-mapper.js';
import { BinnedDataset } from './binned-dataset.js';
import { HistogramEvaluator } from './histogram-evaluator.js';
import { HIST_STRIDE } from './histogram-kernel.js';
import { SPLIT_BIN, SPLIT_DEFAULT_LEFT, SPLIT_FEATURE, SPLIT_GAIN, type SplitParams } from './split-finder.js';
import type { GrowNode } from './tree-grower.js';

const PARAMS: SplitParams = { nGrad: 1, lambda: 1, alpha: 0, minSamplesLeaf: 1, minHessian: 0 };

/** Dense numeric columns with missing values, a 5-level one-hot block (bundled) and a mostly-zero count. */
function mixedData(n: number, seed: number) {
  const rng = new Rng(seed);
  const X = new Matrix(n, 9);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, rng.bernoulli(0.05) ? Number.NaN : rng.normal(0, 1));
    X.set(i, 1, rng.normal(0, 1));
    X.set(i, 2 + rng.weightedIndex([5, 3, 1, 1, 1]), 1);
    X.set(i, 7, rng.bernoulli(0.1) ? rng.int(4) + 1 : 0);
    X.set(i, 8, rng.bernoulli(0.3) ? Number.NaN : rng.int(3));
    grad[i] = rng.normal(X.get(i, 1), 1);
    hess[i] = 0.1 + rng.next();
  }
  return { X, grad, hess };
}

function makeNode(start: number, end: number, rows: Int32Array, grad: Float64Array, hess: Float64Array): GrowNode {
  const totals = new Float64Array(HIST_STRIDE);
  for (let i = start; i < end; i++) {
    totals[0] += grad[rows[i]];
    totals[1] += hess[rows[i]];
  }
  totals[2] = end - start;
  return { start, end, depth: 0, totals, split: null, slot: -1, left: null, right: null };
}

async function evaluatorFor(data: BinnedDataset, grad: Float64Array, hess: Float64Array, nThreads = 1) {
  const evaluator = await HistogramEvaluator.create(data, PARAMS, { nThreads, maxSlots: 8, binWeight: 8 });
  evaluator.setTree(grad, hess, null, null);
  return evaluator;
}

/** Evaluates the root, then its two children (built + subtracted); returns the histograms. */
async function rootAndChildren(data: BinnedDataset, grad: Float64Array, hess: Float64Array, goesLeft: Uint8Array, nThreads = 1) {
  const n = data.layout.rows;
  const evaluator = await evaluatorFor(data, grad, hess, nThreads);
  const rows = evaluator.rows;
  for (let i = 0; i < n; i++) rows[i] = i;
  const root = makeNode(0, n, rows, grad, hess);
  evaluator.evaluate([{ parent: null, nodes: [root] }], rows);
  const rootHistogram = evaluator.histogramOf(root)!;
  let m = 0;
  for (let r = 0; r < n; r++) if (goesLeft[r]) rows[m++] = r;
  for (let r = 0; r < n; r++) if (!goesLeft[r]) rows[m++] = r;
  const leftCount = goesLeft.reduce((a, b) => a + b, 0);
  root.left = makeNode(0, leftCount, rows, grad, hess);
  root.right = makeNode(leftCount, n, rows, grad, hess);
  evaluator.evaluate([{ parent: root, nodes: [root.left, root.right] }], rows);
  const out = {
    root,
    rootHistogram,
    left: evaluator.histogramOf(root.left)!,
    right: evaluator.histogramOf(root.right)!,
  };
  await evaluator.close();
  return out;
}

/** Histogram and split of the given rows built directly (as the root of their own tree). */
async function directBuild(data: BinnedDataset, grad: Float64Array, hess: Float64Array, rowsOf: number[]) {
  const evaluator = await evaluatorFor(data, grad, hess);
  rowsOf.forEach((r, i) => {
    evaluator.rows[i] = r;
  });
  const node = makeNode(0, rowsOf.length, evaluator.rows, grad, hess);
  evaluator.evaluate([{ parent: null, nodes: [node] }], evaluator.rows);
  const histogram = evaluator.histogramOf(node)!;
  await evaluator.close();
  return { node, histogram };
}

test('histogram subtraction: the larger child as parent − smaller sibling equals a direct build of its rows', async () => {
  const n = 3000;
  const { X, grad, hess } = mixedData(n, 1);
  const data = BinnedDataset.build(X, BinMapper.fit(X, 64));
  assert.ok(data.layout.nGroups < X.cols, 'the one-hot block is bundled');
  assert.ok(
    data.layout.groupSkipBin.some((b) => b !== 256),
    'some groups skip their most frequent bin',
  );
  const rng = new Rng(2);
  const goesLeft = Uint8Array.from({ length: n }, () => (rng.bernoulli(0.35) ? 1 : 0));
  const { root, left, right } = await rootAndChildren(data, grad, hess, goesLeft);
  const leftRows: number[] = [];
  const rightRows: number[] = [];
  for (let r = 0; r < n; r++) (goesLeft[r] ? leftRows : rightRows).push(r);
  assert.ok(leftRows.length < rightRows.length, 'the right child is the one derived by subtraction');
  for (const [label, histogram, rowsOf, child] of [
    ['built (left)', left, leftRows, root.left!],
    ['subtracted (right)', right, rightRows, root.right!],
  ] as const) {
    const direct = await directBuild(data, grad, hess, rowsOf);
    assert.equal(histogram.length, direct.histogram.length);
    for (let k = 0; k < histogram.length; k++) {
      const tolerance = k % HIST_STRIDE === 2 ? 0 : 1e-9;
      assert.ok(Math.abs(histogram[k] - direct.histogram[k]) <= tolerance, `${label} bin entry ${k}`);
    }
    const a = child.split!;
    const b = direct.node.split!;
    assert.equal(a[SPLIT_FEATURE], b[SPLIT_FEATURE], `${label}: same split feature`);
    assert.equal(a[SPLIT_BIN], b[SPLIT_BIN]);
    assert.equal(a[SPLIT_DEFAULT_LEFT], b[SPLIT_DEFAULT_LEFT]);
    assert.ok(Math.abs(a[SPLIT_GAIN] - b[SPLIT_GAIN]) < 1e-9 * b[SPLIT_GAIN]);
  }
});

test('every stored column of a node histogram adds up to the node totals (skipped bins filled in exactly)', async () => {
  const n = 2000;
  const { X, grad, hess } = mixedData(n, 3);
  const data = BinnedDataset.build(X, BinMapper.fit(X, 255));
  const goesLeft = Uint8Array.from({ length: n }, (_, r) => (X.get(r, 1) < -0.5 ? 1 : 0));
  const { root, rootHistogram, left } = await rootAndChildren(data, grad, hess, goesLeft);
  const layout = data.layout;
  for (const [histogram, totals] of [
    [rootHistogram, root.totals],
    [left, root.left!.totals],
  ] as const) {
    for (let g = 0; g < layout.nGroups; g++) {
      const sums = new Float64Array(HIST_STRIDE);
      for (let b = layout.groupBinStart[g]; b < layout.groupBinStart[g + 1]; b++) {
        for (let s = 0; s < HIST_STRIDE; s++) sums[s] += histogram[b * HIST_STRIDE + s];
      }
      assert.equal(sums[2], totals[2], `group ${g} counts every row once`);
      assert.ok(Math.abs(sums[0] - totals[0]) < 1e-9 && Math.abs(sums[1] - totals[1]) < 1e-9, `group ${g} sums`);
    }
  }
});

test('histograms built with worker threads are bit-identical to single-thread ones', async () => {
  const n = 3000;
  const { X, grad, hess } = mixedData(n, 5);
  const single = BinnedDataset.build(X, BinMapper.fit(X, 255));
  const shared = BinnedDataset.build(X, BinMapper.fit(X, 255), { shared: true });
  const goesLeft = Uint8Array.from({ length: n }, (_, r) => (r % 5 < 2 ? 1 : 0));
  const a = await rootAndChildren(single, grad, hess, goesLeft, 1);
  const b = await rootAndChildren(shared, grad, hess, goesLeft, 2);
  assert.deepEqual(b.rootHistogram, a.rootHistogram);
  assert.deepEqual(b.left, a.left);
  assert.deepEqual(b.right, a.right);
  assert.deepEqual(b.root.split, a.root.split);
  assert.deepEqual(b.root.left!.split, a.root.left!.split);
  assert.deepEqual(b.root.right!.split, a.root.right!.split);
});
