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
import { sparseData } from './test-support/sparse-data.js';
import { TreeGrower } from './tree-grower.js';
import { TreeTableBuilder } from './tree-table-builder.js';
import { ForestSplitKernel } from './wasm-forest-split.js';

/** Many binary columns (one-hot like, 2–30% ones), the label driven by a few. */
function wideData(n: number, d: number, seed: number) {
  const rng = new Rng(seed);
  const X = new Matrix(n, d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) X.set(i, j, rng.bernoulli(0.02 + (0.28 * j) / d) ? 1 : 0);
    y[i] = rng.bernoulli(X.get(i, 3) + X.get(i, d - 1) > 0 ? 0.6 : 0.2) ? 1 : 0;
  }
  return { X, y };
}

interface GrowSettings {
  maxFeatures: number;
  minSamplesLeaf: number;
  skip: boolean;
  maxLeaves: number | null;
  maxDepth: number | null;
  minSamplesSplit: number;
  seed: number;
  /** The kernel's room for candidate lists (small: a tree outgrows it). */
  arenaBytes?: number;
}

type Mode = 'typescript' | 'kernel search' | 'kernel tree';

/**
 * Grows one bootstrapped binary tree as a forest does: the TypeScript search and grower, the
 * kernel's search under the TypeScript grower, or the kernel's whole-tree growth. Returns its
 * table data and the next random draw.
 */
function growTree(data: BinnedDataset, mapper: BinMapper, y: Int32Array, s: GrowSettings, mode: Mode) {
  const d = data.layout.nFeatures;
  const n = data.layout.rows;
  const lookups = Array.from({ length: d }, (_, j) => featureBinLookup(data.layout, j));
  const skipBins = s.skip ? dominantBins(data, lookups) : undefined;
  const params: SplitParams = { nGrad: 1, lambda: 0, alpha: 0, minSamplesLeaf: s.minSamplesLeaf, minHessian: 0 };
  const kernel =
    mode === 'typescript'
      ? null
      : ForestSplitKernel.create({
          data,
          lookups,
          skipBins: skipBins ?? new Int16Array(d).fill(-1),
          storedCells: storedCellRanges(data, lookups, skipBins),
          upper: mapper.upper,
          minSamplesLeaf: s.minSamplesLeaf,
          minHessian: 0,
          maxFeatures: s.maxFeatures,
          maxDepth: s.maxDepth,
          minSamplesSplit: s.minSamplesSplit,
          arenaBytes: s.arenaBytes,
        });
  if (mode !== 'typescript') assert.ok(kernel, 'kernel built');
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
  const minGain = 1e-12 * totals[1];
  if (mode === 'kernel tree') {
    for (let i = 0; i < n; i++) kernel!.grad[i] = channel[i] === 0 ? weights[i] : 0;
    const table = kernel!.growTree(m, totals, minGain, rng);
    if (s.arenaBytes === undefined) {
      assert.ok(table, 'kernel grew the tree');
      return { table, next: rng.next(), fellBack: false };
    }
    // Too little room for the candidate lists: no tree, the random stream as it was; then, as a
    // forest does, the rows again and the tree from TreeGrower.
    assert.equal(table, null, 'no room: no tree');
    m = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0) rows[m++] = i;
  }
  const isPure = (t: Float64Array) => t[0] <= 1e-9 * t[1] || t[1] - t[0] <= 1e-9 * t[1];
  const limits = { maxDepth: s.maxDepth, maxLeaves: s.maxLeaves, minSamplesSplit: s.minSamplesSplit, minGain, isPure };
  const grower = new TreeGrower(data, params, limits, lookups, kernel);
  const evaluator = new SampledEvaluator(
    data,
    params,
    { maxFeatures: s.maxFeatures, rng, rowWeight: weights, rowChannel: channel, skipBins, kernel },
    lookups,
  );
  const root = grower.grow(rows, m, totals, evaluator);
  const builder = new TreeTableBuilder(1, 1);
  builder.addTree(
    root,
    (f, bin) => mapper.threshold(f, bin),
    (leaf, out, at) => {
      const h = leaf.totals[1];
      out[at] = h > 0 ? Math.min(Math.max(leaf.totals[0] / h, 0), 1) : 0;
    },
  );
  return { table: builder.data(), next: rng.next(), fellBack: mode === 'kernel tree' };
}

test('the forest split WebAssembly kernel is built', () => {
  assert.ok(existsSync(wasmPath('forest-split-kernel.wasm')), `${wasmPath('forest-split-kernel.wasm')}: run npm run build`);
});

test('the forest split kernel grows the same trees as the TypeScript search and grower, and leaves the random stream where they do', () => {
  const { X, y } = sparseData(5000, 3);
  const fine = BinMapper.fit(X);
  const coarse = BinMapper.fit(X, 16);
  const bundled = BinnedDataset.build(X, fine, { bundle: true });
  const plain = BinnedDataset.build(X, coarse, { bundle: false });
  const base = { maxFeatures: 3, minSamplesLeaf: 1, skip: true, maxLeaves: null, maxDepth: null, minSamplesSplit: 2 };
  const cases: [BinnedDataset, BinMapper, GrowSettings][] = [
    // Stored cells of big nodes (bundled sparse groups, dominant bins skipped), a few features or all.
    [bundled, fine, { ...base, seed: 1 }],
    [bundled, fine, { ...base, maxFeatures: 8, seed: 2 }],
    [bundled, fine, { ...base, maxFeatures: 1, minSamplesLeaf: 5, seed: 3 }],
    // No skipping; few bins, unbundled; limits on depth and on the rows a split needs.
    [bundled, fine, { ...base, skip: false, seed: 4 }],
    [plain, coarse, { ...base, maxFeatures: 2, minSamplesLeaf: 2, seed: 5 }],
    [bundled, fine, { ...base, maxDepth: 6, seed: 6 }],
    [bundled, fine, { ...base, minSamplesSplit: 40, seed: 7 }],
    // Best-first growth (the kernel's search under the TypeScript grower only).
    [bundled, fine, { ...base, maxLeaves: 40, seed: 8 }],
  ];
  // Candidate lists outgrowing the room given to them: the tree is grown by TreeGrower instead.
  const wide = wideData(3000, 120, 4);
  const wideMapper = BinMapper.fit(wide.X);
  const wideBinned = BinnedDataset.build(wide.X, wideMapper, { bundle: true });
  const runs: [BinnedDataset, BinMapper, GrowSettings, Int32Array][] = cases.map(([data, mapper, settings]) => [
    data,
    mapper,
    settings,
    y,
  ]);
  runs.push([wideBinned, wideMapper, { ...base, maxFeatures: 11, seed: 9, arenaBytes: 16 }, wide.y]);
  for (const [data, mapper, settings, y] of runs) {
    const typescript = growTree(data, mapper, y, settings, 'typescript');
    assert.ok(
      typescript.table.feature.length > 50,
      `seed ${settings.seed}: a tree of some size (${typescript.table.feature.length})`,
    );
    const modes: Mode[] = settings.maxLeaves === null ? ['kernel search', 'kernel tree'] : ['kernel search'];
    for (const mode of modes) {
      const other = growTree(data, mapper, y, settings, mode);
      assert.deepStrictEqual(other.table, typescript.table, `seed ${settings.seed}, ${mode}: same tree`);
      assert.equal(other.next, typescript.next, `seed ${settings.seed}, ${mode}: same random stream after`);
      if (mode === 'kernel tree')
        assert.equal(other.fellBack, settings.arenaBytes !== undefined, `seed ${settings.seed}: grown by TreeGrower`);
    }
  }
});
