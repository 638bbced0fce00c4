import type { TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import type { TreeTable } from '../models/tree/tree-table.js';
import { DEFAULT_PATH_TABLE_LIMITS, type PathTableLimits, PathTables } from './path-tables.js';
import { RecursiveTreeShap } from './recursive-tree-shap.js';
import { addUnitRows, addUnitRowsMulti, walkSteps } from './tabulated-kernel.js';
import { WasmTreeShap } from './wasm-tree-shap.js';

/** Rows explained together, tree by tree: a tree's records are read once per block and stay in cache. */
const BLOCK_ROWS = 32;

/** Explainers of the models seen, by node table: the tables are computed once per model. */
const cache = new WeakMap<TreeTable, TreeExplainer>();

/**
 * Exact path-dependent Tree SHAP of one tree ensemble: the tabulated algorithm (PathTables) for
 * every tree whose paths fit the limits, the recursive Algorithm 2 for the others. Holds the
 * per-model precomputation; `TreeExplainer.of` caches one per model.
 */
export class TreeExplainer {
  readonly view: TreeEnsembleView;
  /** Null when every tree is explained by recursion. */
  readonly tables: PathTables | null;
  private readonly recursive: RecursiveTreeShap;
  /** Per row of a block and step of the tree being explained: see tabulated-kernel. */
  private readonly scratch: Int32Array;
  private readonly stride: number;
  /** Cover-weighted mean leaf value of each tree (nOutputs per tree). */
  private readonly treeMeans: Float64Array;
  /** The tabulated loops as WebAssembly (one-output models, when built), else null. */
  private readonly wasm: WasmTreeShap | null;
  private readonly wasmBlock: Float64Array[];

  /**
   * `kernel: 'typescript'` keeps the tabulated loops in TypeScript; by default one-output models
   * run them as WebAssembly when the kernel is built (the same values, bit for bit).
   */
  constructor(
    view: TreeEnsembleView,
    limits: PathTableLimits | null = DEFAULT_PATH_TABLE_LIMITS,
    options: { kernel?: 'auto' | 'typescript' } = {},
  ) {
    this.view = view;
    this.tables = limits ? new PathTables(view, limits) : null;
    this.recursive = new RecursiveTreeShap(view);
    // Per row of a block: one slot per step, and a spare one (always 0) as the root's parent.
    this.stride = (this.tables?.maxSteps ?? 0) + 1;
    this.scratch = new Int32Array(this.stride * BLOCK_ROWS);
    const wasmFits = this.tables && this.tables.untabulated < view.table.nTrees && view.nOutputs === 1;
    this.wasm =
      wasmFits && options.kernel !== 'typescript'
        ? WasmTreeShap.create(this.tables!, view.nFeatures, BLOCK_ROWS, this.stride)
        : null;
    this.wasmBlock = this.wasm ? [this.wasm.block] : [];
    const { nOutputs, treeStart } = view.table.data;
    this.treeMeans = new Float64Array(view.table.nTrees * nOutputs);
    for (let t = 0; t < view.table.nTrees; t++) this.recursive.meanValue(treeStart[t], this.treeMeans.subarray(t * nOutputs));
  }

  /** The explainer of a model with the default limits, computed on first use and kept while the model lives. */
  static of(view: TreeEnsembleView): TreeExplainer {
    const cached = cache.get(view.table);
    if (cached && sameOutputs(cached.view, view)) return cached;
    const explainer = new TreeExplainer(view);
    cache.set(view.table, explainer);
    return explainer;
  }

  /** What explains the rows: the tabulated loops in WebAssembly or TypeScript, or recursion alone. */
  get kernel(): 'webassembly' | 'typescript' | 'recursive' {
    if (this.wasm) return 'webassembly';
    return this.tables && this.tables.untabulated < this.view.table.nTrees ? 'typescript' : 'recursive';
  }

  /** Expected raw output per output column: `base` plus every tree's cover-weighted mean. */
  expectedValue(base: ArrayLike<number> = this.view.base): Float64Array {
    const { view } = this;
    const K = view.table.data.nOutputs;
    const expected = Float64Array.from(base);
    for (let t = 0; t < view.table.nTrees; t++) {
      const column = view.treeOutput ? view.treeOutput[t] : 0;
      if (K === 1) expected[column] += view.scale * this.treeMeans[t];
      else for (let k = 0; k < K; k++) expected[k] += view.scale * this.treeMeans[t * K + k];
    }
    return expected;
  }

  /**
   * Adds the contributions of rows [r0, r1) of `rows` (row-major, nFeatures wide) to `phi`:
   * one array per output, row-major and nFeatures wide, where row r lands at row r − r0.
   */
  explain(rows: Float64Array, r0: number, r1: number, phi: Float64Array[]): void {
    if (this.wasm) {
      this.explainWasm(this.wasm, rows, r0, r1, phi[0]);
      return;
    }
    const d = this.view.nFeatures;
    const nTrees = this.view.table.nTrees;
    const { treeStart } = this.view.table.data;
    const tabulated = this.tables?.tabulated;
    for (let b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
      const b1 = Math.min(r1, b0 + BLOCK_ROWS);
      for (let t = 0; t < nTrees; t++) {
        const column = this.view.treeOutput ? this.view.treeOutput[t] : 0;
        if (tabulated?.[t]) this.explainTabulated(t, rows, b0, b1, phi, column, r0);
        else {
          for (let i = b0; i < b1; i++) this.recursive.explain(treeStart[t], rows, i * d, column, phi, (i - r0) * d);
        }
      }
    }
  }

  /**
   * `explain` of a one-output model through the WebAssembly kernel: per block, each run of tabulated
   * trees in one call, the trees between them by recursion on the kernel's copy of the block's
   * contributions; trees in the same order as `explain`, so the sums are the same.
   */
  private explainWasm(wasm: WasmTreeShap, rows: Float64Array, r0: number, r1: number, out: Float64Array): void {
    const d = this.view.nFeatures;
    const nTrees = this.view.table.nTrees;
    const { treeStart } = this.view.table.data;
    const tabulated = this.tables!.tabulated;
    for (let b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
      const nb = Math.min(r1, b0 + BLOCK_ROWS) - b0;
      wasm.load(rows, b0, nb, out, (b0 - r0) * d);
      for (let t = 0; t < nTrees; ) {
        if (tabulated[t]) {
          let t1 = t + 1;
          while (t1 < nTrees && tabulated[t1]) t1++;
          wasm.explainTrees(t, t1, nb);
          t = t1;
        } else {
          for (let i = 0; i < nb; i++) this.recursive.explain(treeStart[t], rows, (b0 + i) * d, 0, this.wasmBlock, i * d);
          t++;
        }
      }
      wasm.store(nb, out, (b0 - r0) * d);
    }
  }

  /** Tabulated tree t for the rows of a block: walk its steps, then add its twigs' and quads' table rows. */
  private explainTabulated(
    t: number,
    rows: Float64Array,
    b0: number,
    b1: number,
    phi: Float64Array[],
    column: number,
    r0: number,
  ): void {
    const T = this.tables!;
    const d = this.view.nFeatures;
    walkSteps(T, t, rows, b0, b1, d, this.scratch, this.stride);
    for (let group = 2 * t; group < 2 * t + 2; group++) {
      if (T.nOutputs === 1) addUnitRows(T, group, b0, b1, d, this.scratch, this.stride, phi[column], r0);
      else addUnitRowsMulti(T, group, b0, b1, d, this.scratch, this.stride, phi, r0);
    }
  }
}

function sameOutputs(a: TreeEnsembleView, b: TreeEnsembleView): boolean {
  if (a.scale !== b.scale || a.nOutputs !== b.nOutputs || a.nFeatures !== b.nFeatures) return false;
  if (!a.treeOutput || !b.treeOutput) return a.treeOutput === b.treeOutput;
  return a.treeOutput.length === b.treeOutput.length && a.treeOutput.every((c, t) => c === b.treeOutput![t]);
}
