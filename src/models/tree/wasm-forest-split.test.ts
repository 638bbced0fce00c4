import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { wasmPath } from '../../core/wasm-module.js';
import { BinMapper } from './bin-mapper.js';
import { BinnedDataset, featureBinLookup } from './binned-dataset.js';
import { dominantBins, SampledEvaluator, storedCellRanges } from './sampled-evaluator.js';
import type { SplitParams } from './split-finder.js';
import { type GrowNode, TreeGrower } from './tree-grower.js';
import { ForestSplitKernel } from './wasm-forest-split.js';

/** A numeric column, a 4-level one-hot block, a mostly-zero count, a mostly-missing column and a coarse one with ties. */
function mixedData(n: number, seed: number) {
  const rng = new Rng(seed);
  const X = new Matrix(n, 8);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, rng.normal(0, 1));
    X.set(i, 1 + rng.weightedIndex([80, 10, 6, 4]), 1);
    X.set(i, 5, rng.bernoulli(0.08) ? rng.int(5) + 1 : 0);
    X.set(i, 6, rng.bernoulli(0.85) ? Number.NaN : rng.normal(0, 1));
    X.set(i, 7, rng.int(4));
    const p = X.get(i, 2) === 1 || X.get(i, 5) > 2 ? 0.7 : X.get(i, 0) > 1 ? 0.5 : 0.15;
    y[i] = rng.bernoulli(p) ? 1 : 0;
  }
  return { X, y };
}

/** Every node of a grown tree: its rows, totals and split, depth first. */
function describe(node: GrowNode): unknown[] {
  const here = [node.start, node.end, Array.from(node.totals), node.split ? Array.from(node.split) : null];
  return node.left && node.right ? [here, describe(node.left), describe(node.right)] : [here];
}

interface GrowSettings {
  maxFeatures: number;
  minSamplesLeaf: number;
  skip: boolean;
  maxLeaves: number | null;
  seed: number;
}

/** Grows one bootstrapped binary tree with the TypeScript search or with the kernel; returns it and the next random draw. */
function growTree(data: BinnedDataset, y: Int32Array, s: GrowSettings, useKernel: boolean): { tree: unknown[]; next: number } {
  const d = data.layout.nFeatures;
  const n = data.layout.rows;
  const lookups = Array.from({ length: d }, (_, j) => featureBinLookup(data.layout, j));
  const skipBins = s.skip ? dominantBins(data, lookups) : undefined;
  const params: SplitParams = { nGrad: 1, lambda: 0, alpha: 0, minSamplesLeaf: s.minSamplesLeaf, minHessian: 0 };
  const kernel = useKernel
    ? ForestSplitKernel.create({
        data,
        lookups,
        skipBins: skipBins ?? new Int16Array(d).fill(-1),
        storedCells: storedCellRanges(data, lookups, skipBins),
        minSamplesLeaf: s.minSamplesLeaf,
        minHessian: 0,
        maxFeatures: s.maxFeatures,
      })
    : null;
  if (useKernel) assert.ok(kernel, 'kernel built');
  const rng = new Rng(s.seed);
  // A bootstrap: some rows out (weight 0), some twice or more.
  const weights = kernel ? kernel.weight : new Float64Array(n);
  const rows = kernel ? kernel.rows : new Int32Array(n);
  const channel = Int32Array.from(y, (c) => (c === 1 ? 0 : -1));
  weights.fill(0);
  for (let k = 0; k < n; k++) weights[rng.int(n)] += 1;
  const totals = new Float64Array(3);
  let m = 0;
  for (let i = 0; i < n; i++) {
    weights[i] *= y[i] === 1 ? 1.5 : 1;
    if (!(weights[i] > 0)) continue;
    rows[m++] = i;
    if (channel[i] === 0) totals[0] += weights[i];
    totals[1] += weights[i];
  }
  totals[2] = m;
  const grower = new TreeGrower(
    data,
    params,
    { maxDepth: null, maxLeaves: s.maxLeaves, minSamplesSplit: 2, minGain: 1e-12 * totals[1] },
    lookups,
    kernel,
  );
  const evaluator = new SampledEvaluator(
    data,
    params,
    { maxFeatures: s.maxFeatures, rng, rowWeight: weights, rowChannel: channel, skipBins, kernel },
    lookups,
  );
  const root = grower.grow(rows, m, totals, evaluator);
  return { tree: describe(root), next: rng.next() };
}

test('the forest split WebAssembly kernel is built', () => {
  assert.ok(existsSync(wasmPath('forest-split-kernel.wasm')), `${wasmPath('forest-split-kernel.wasm')}: run npm run build`);
});

test('the forest split kernel grows the same trees as the TypeScript search, and leaves the random stream where it does', () => {
  const { X, y } = mixedData(5000, 3);
  const bundled = BinnedDataset.build(X, BinMapper.fit(X), { bundle: true });
  const plain = BinnedDataset.build(X, BinMapper.fit(X, 16), { bundle: false });
  const cases: [BinnedDataset, GrowSettings][] = [
    // Stored cells of big nodes (bundled sparse groups, dominant bins skipped), all features or a few.
    [bundled, { maxFeatures: 3, minSamplesLeaf: 1, skip: true, maxLeaves: null, seed: 1 }],
    [bundled, { maxFeatures: 8, minSamplesLeaf: 1, skip: true, maxLeaves: null, seed: 2 }],
    [bundled, { maxFeatures: 1, minSamplesLeaf: 5, skip: true, maxLeaves: null, seed: 3 }],
    // No skipping; few bins; best-first growth.
    [bundled, { maxFeatures: 3, minSamplesLeaf: 1, skip: false, maxLeaves: null, seed: 4 }],
    [plain, { maxFeatures: 2, minSamplesLeaf: 2, skip: true, maxLeaves: null, seed: 5 }],
    [bundled, { maxFeatures: 3, minSamplesLeaf: 1, skip: true, maxLeaves: 40, seed: 6 }],
  ];
  for (const [data, settings] of cases) {
    const typescript = growTree(data, y, settings, false);
    const webassembly = growTree(data, y, settings, true);
    const nodes = JSON.stringify(typescript.tree).split('[').length;
    assert.ok(nodes > 50, `seed ${settings.seed}: a tree of some size (${nodes})`);
    assert.deepStrictEqual(webassembly.tree, typescript.tree, `seed ${settings.seed}: same tree`);
    assert.equal(webassembly.next, typescript.next, `seed ${settings.seed}: same random stream after`);
  }
});
