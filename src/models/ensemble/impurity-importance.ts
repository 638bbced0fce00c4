import type { TreeTable } from '../tree/tree-table.js';

/**
 * scikit-learn's impurity importance: per tree, the weighted impurity decrease of each feature's
 * splits normalised to sum 1; then the mean over trees, normalised again.
 */
export function impurityImportances(table: TreeTable, nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  const perTree = new Float64Array(nFeatures);
  const { treeStart, feature, gain } = table.data;
  for (let t = 0; t < table.nTrees; t++) {
    perTree.fill(0);
    let total = 0;
    for (let k = treeStart[t]; k < treeStart[t + 1]; k++) {
      if (feature[k] < 0) continue;
      perTree[feature[k]] += gain[k];
      total += gain[k];
    }
    if (total > 0) for (let j = 0; j < nFeatures; j++) out[j] += perTree[j] / total;
  }
  const sum = out.reduce((a, b) => a + b, 0);
  if (sum > 0) for (let j = 0; j < nFeatures; j++) out[j] /= sum;
  return out;
}
