import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomTable } from './test-support/random-trees.js';
import { TreeTable, type TreeTableData } from './tree-table.js';

/** Tree t of a table as a table of its own (children renumbered from 0). */
function treeOf(table: TreeTable, t: number): TreeTable {
  const d = table.data;
  const from = d.treeStart[t];
  const to = d.treeStart[t + 1];
  const rebase = (a: Int32Array) => a.slice(from, to).map((c) => (c < 0 ? c : c - from));
  const data: TreeTableData = {
    nOutputs: d.nOutputs,
    treeStart: Int32Array.of(0, to - from),
    feature: d.feature.slice(from, to),
    threshold: d.threshold.slice(from, to),
    defaultLeft: d.defaultLeft.slice(from, to),
    left: rebase(d.left),
    right: rebase(d.right),
    value: d.value.slice(from * d.nOutputs, to * d.nOutputs),
    cover: d.cover.slice(from, to),
    gain: d.gain.slice(from, to),
  };
  return new TreeTable(data);
}

test('TreeTable.concat puts the trees of several tables one after the other, children renumbered', () => {
  for (const nOutputs of [1, 3]) {
    const whole = randomTable(11, 7, 5, 6, 0.7, nOutputs);
    // Split into tables of one, two and four trees, then joined again.
    const parts = [treeOf(whole, 0), TreeTable.concat([treeOf(whole, 1), treeOf(whole, 2)])];
    parts.push(TreeTable.concat([3, 4, 5, 6].map((t) => treeOf(whole, t))));
    assert.deepEqual(TreeTable.concat(parts).data, whole.data);
  }
  assert.throws(
    () => TreeTable.concat([randomTable(1, 1, 3, 3, 0.5, 1), randomTable(2, 1, 3, 3, 0.5, 2)]),
    /different numbers of outputs/,
  );
});
