import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { BinMapper } from './bin-mapper.js';
import { BinnedDataset, NO_SKIP } from './binned-dataset.js';
import { binWeight, splitGroups } from './histogram-shares.js';

test('binWeight: about 54 cells a bin for depth-6 trees, growing with the nodes a tree evaluates per pass over its rows', () => {
  assert.equal(Math.round(binWeight(64, false)), 54);
  assert.ok(binWeight(16, false) < binWeight(64, false));
  assert.ok(binWeight(64, true) > binWeight(64, false), 'leaf-wise trees evaluate both children of every split');
  assert.equal(binWeight(2, false), 8, 'never below 8');
});

test('splitGroups: cuts by cells and weighted bins, so a share of many-binned columns gets fewer columns', () => {
  const rng = new Rng(3);
  const n = 2000;
  // Ten numeric columns with many bins, then thirty dense two-valued columns with few.
  const X = new Matrix(n, 40);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 10; j++) X.set(i, j, rng.normal(0, 1));
    for (let j = 10; j < 40; j++) X.set(i, j, rng.int(2));
  }
  const data = BinnedDataset.build(X, BinMapper.fit(X), { bundle: false });
  const { layout, sparseStart } = data;
  const cost = (g: number, weight: number) =>
    (layout.groupSkipBin[g] === NO_SKIP ? n : sparseStart[g + 1] - sparseStart[g]) +
    weight * (layout.groupBinStart[g + 1] - layout.groupBinStart[g]);
  for (const weight of [8, 54]) {
    const splits = splitGroups(layout, sparseStart, 2, weight);
    assert.equal(splits[0], 0);
    assert.equal(splits[2], layout.nGroups);
    let first = 0;
    let total = 0;
    for (let g = 0; g < layout.nGroups; g++) {
      total += cost(g, weight);
      if (g < splits[1]) first += cost(g, weight);
    }
    // The first share closes at the first group that brings it to half the cost.
    const lastOfFirst = cost(splits[1] - 1, weight);
    assert.ok(first >= total / 2 && first - lastOfFirst < total / 2, `weight ${weight}: ${first} of ${total}`);
  }
  assert.ok(splitGroups(layout, sparseStart, 2, 54)[1] < splitGroups(layout, sparseStart, 2, 8)[1]);
});
