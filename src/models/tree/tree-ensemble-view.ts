import type { TreeTable } from './tree-table.js';

/**
 * What TreeSHAP (and other readers) need to know about a fitted tree ensemble: its flat table
 * and how leaf values add up to the model's raw output. For output column c of row x:
 * raw_c(x) = base[c] + scale · Σ over trees t feeding column c of leafValue_t(x).
 */
export interface TreeEnsembleView {
  table: TreeTable;
  nFeatures: number;
  /** Output columns: 1 for binary models, the number of classes for multi-class ones. */
  nOutputs: number;
  /** For single-output tables: the output column of each tree (null: all trees feed column 0). */
  treeOutput: Int32Array | null;
  /** Multiplier of the summed leaf values (1 for boosting, 1 / nTrees for a forest's mean). */
  scale: number;
  base: Float64Array;
  /** What the raw output is. */
  output: 'log-odds' | 'raw-score' | 'probability';
}

/** Models built on the tree engine expose their trees through this method. */
export interface HasTreeEnsemble {
  treeEnsemble(): TreeEnsembleView;
}
