import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { BinMapper } from './bin-mapper.js';
import { BinnedDataset, featureBinLookup } from './binned-dataset.js';
import { dominantBins, SampledEvaluator } from './sampled-evaluator.js';
import type { SplitParams } from './split-finder.js';
import { sparseData } from './test-support/sparse-data.js';
import type { GrowNode } from './tree-grower.js';

test('dominantBins: the bin holding at least 70% of the rows, else −1 (the zero of one-hot and count columns, the missing bin)', () => {
  const { X } = sparseData(3000, 1);
  const mapper = BinMapper.fit(X);
  const data = BinnedDataset.build(X, mapper, { bundle: true });
  const lookups = Array.from({ length: 7 }, (_, j) => featureBinLookup(data.layout, j));
  const skip = dominantBins(data, lookups);
  assert.equal(skip[0], -1, 'a numeric column has no dominant bin');
  assert.equal(skip[1], mapper.binOf(1, 1), 'the 80% level: its one');
  for (const j of [2, 3, 4, 5]) assert.equal(skip[j], mapper.binOf(j, 0), `column ${j}: its zero`);
  assert.equal(skip[6], data.layout.featureValueBins[6], 'mostly missing: the missing bin');
});

test('skipping the dominant bin finds the same split at every node, from the node rows or from the stored cells of a big node', () => {
  const { X, y } = sparseData(4000, 2);
  const data = BinnedDataset.build(X, BinMapper.fit(X), { bundle: true });
  const lookups = Array.from({ length: 7 }, (_, j) => featureBinLookup(data.layout, j));
  const params: SplitParams = { nGrad: 1, lambda: 0, alpha: 0, minSamplesLeaf: 1, minHessian: 0 };
  const weights = Float64Array.from(y, (_, i) => 1 + (i % 3));
  const channel = Int32Array.from(y, (c) => (c === 1 ? 0 : -1));
  const splits = (skipBins?: Int16Array) => {
    const evaluator = new SampledEvaluator(
      data,
      params,
      { maxFeatures: 7, rng: new Rng(5), rowWeight: weights, rowChannel: channel, skipBins },
      lookups,
    );
    const found: (number[] | null)[] = [];
    // Nodes of several sizes: the whole data set and slices of it (rows in order).
    for (const [start, end] of [
      [0, 4000],
      [0, 700],
      [1200, 1450],
      [3000, 3040],
    ]) {
      const rows = Int32Array.from({ length: 4000 }, (_, i) => i);
      const totals = new Float64Array(3);
      for (let i = start; i < end; i++) {
        if (channel[i] === 0) totals[0] += weights[i];
        totals[1] += weights[i];
      }
      totals[2] = end - start;
      const node: GrowNode = { start, end, depth: 0, totals, split: null, slot: -1, left: null, right: null };
      evaluator.evaluate([{ parent: null, nodes: [node] }], rows);
      found.push(node.split ? Array.from(node.split) : null);
    }
    return found;
  };
  const plain = splits();
  assert.ok(plain.every((s) => s !== null));
  assert.deepEqual(splits(dominantBins(data, lookups)), plain);
});
