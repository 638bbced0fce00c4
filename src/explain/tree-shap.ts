import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import type { HasTreeEnsemble, TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { DEFAULT_PATH_TABLE_LIMITS, MAX_PATH_FEATURES } from './path-tables.js';
import { TreeExplainer } from './tree-explainer.js';

/** SHAP values of a tree ensemble for a set of rows. */
export interface TreeShapResult {
  /**
   * Contribution of each feature to each row's raw output: one rows × features matrix per output
   * (one for binary models, one per class for multi-class models).
   */
  contributions: Matrix[];
  /** Expected raw output (the bias) per output: expectedValue + Σ contributions = raw output. */
  expectedValue: Float64Array;
  /** What the raw output is: log-odds (binary boosting), raw class score (multi-class boosting) or probability (forest). */
  output: TreeEnsembleView['output'];
}

export interface TreeShapOptions {
  /**
   * 'tabulated' (default): Shapley weights precomputed once per model for every root-to-leaf
   * path, O(nodes + leaves · depth) per tree and row, with trees whose paths are too long (or
   * tables too large) left to recursion; 'recursive': Algorithm 2 for every tree,
   * O(leaves · depth²). Both give the same values up to rounding.
   */
  algorithm?: 'tabulated' | 'recursive';
  /** Most distinct features on a tabulated path (default 12, at most 15). */
  maxPathFeatures?: number;
  /** Most precomputed table entries per model, 8 bytes each (default 2^22, 32 MiB). */
  tableBudget?: number;
  /**
   * The caller has already refused infinite values in X (as the model's `predictProba` does for
   * the same rows): they are not looked for again.
   */
  finite?: boolean;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018): for every row and tree, the
 * Shapley values of the tree's output where a feature outside the coalition is integrated out
 * by following both children weighted by their training cover. Works on the model's flat node
 * table; the per-model precomputation of the default algorithm is cached while the model lives.
 */
export function treeShap(model: HasTreeEnsemble | TreeEnsembleView, X: Matrix, options: TreeShapOptions = {}): TreeShapResult {
  const view = 'treeEnsemble' in model ? model.treeEnsemble() : model;
  if (X.cols !== view.nFeatures) {
    throw new InputError(`treeShap: X has ${X.cols} features but the model was fitted on ${view.nFeatures}`);
  }
  const phi = Array.from({ length: view.nOutputs }, () => new Float64Array(X.rows * X.cols));
  const expectedValue = treeShapInto(view, X, phi, options);
  return {
    contributions: phi.map((values) => new Matrix(X.rows, X.cols, values, X.columns)),
    expectedValue,
    output: view.output,
  };
}

/**
 * `treeShap` into arrays the caller owns and reuses (one per output, at least rows × features;
 * the first rows × features values are overwritten), for explaining batch after batch without
 * allocating. Returns the expected value per output.
 */
export function treeShapInto(
  model: HasTreeEnsemble | TreeEnsembleView,
  X: Matrix,
  out: Float64Array[],
  options: TreeShapOptions = {},
): Float64Array {
  const view = 'treeEnsemble' in model ? model.treeEnsemble() : model;
  if (X.cols !== view.nFeatures) {
    throw new InputError(`treeShap: X has ${X.cols} features but the model was fitted on ${view.nFeatures}`);
  }
  if (out.length !== view.nOutputs || out.some((o) => o.length < X.rows * X.cols)) {
    throw new InputError(`treeShapInto: expected ${view.nOutputs} arrays of at least ${X.rows} × ${X.cols} values`);
  }
  if (!options.finite) assertNoInfinity(X);
  for (const o of out) o.fill(0, 0, X.rows * X.cols);
  const explainer = treeExplainer(view, options);
  explainer.explain(X.data, 0, X.rows, out);
  return explainer.expectedValue(view.base);
}

/** The explainer for these options: the cached one for the defaults, else a new one. */
function treeExplainer(view: TreeEnsembleView, options: TreeShapOptions): TreeExplainer {
  if (options.algorithm === 'recursive') return new TreeExplainer(view, null);
  if (options.maxPathFeatures === undefined && options.tableBudget === undefined) return TreeExplainer.of(view);
  const maxPathFeatures = options.maxPathFeatures ?? DEFAULT_PATH_TABLE_LIMITS.maxPathFeatures;
  const budget = options.tableBudget ?? DEFAULT_PATH_TABLE_LIMITS.budget;
  if (!Number.isInteger(maxPathFeatures) || maxPathFeatures < 0 || maxPathFeatures > MAX_PATH_FEATURES)
    throw new InputError(`treeShap: maxPathFeatures must be an integer from 0 to ${MAX_PATH_FEATURES}, got ${maxPathFeatures}`);
  if (!(budget >= 0)) throw new InputError(`treeShap: tableBudget must be a number of entries ≥ 0, got ${budget}`);
  return new TreeExplainer(view, { maxPathFeatures, budget });
}

function assertNoInfinity(X: Matrix): void {
  const data = X.data;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new InputError(`treeShap: X has an infinite value at row ${Math.floor(k / X.cols)}, column ${k % X.cols}`);
    }
  }
}
