import { assertKernelExports, instantiateKernel, orWithoutKernel, wasmModule } from '../../core/wasm-module.js';
import type { CompleteTreeLayout, LeafSums } from './complete-tree-layout.js';

/** The functions of src/wasm/tree-predict-kernel.ts. */
interface KernelExports {
  heapStart(): number;
  setLayout(feature: number, threshold: number, missingRight: number, leafValue: number, depth: number): void;
  classify(x: number, nb: number, cols: number, clean: number, missing: number): number;
  accumulateBlock(
    t0: number,
    t1: number,
    x: number,
    cols: number,
    clean: number,
    nClean: number,
    missing: number,
    nMissing: number,
    out: number,
    outCols: number,
    treeColumn: number,
  ): void;
}

const KERNEL = 'tree-predict-kernel';
/** Rows per block: copied in, walked through every tree while in cache, copied out. */
const BLOCK_ROWS = 128;
/** Below this many row × tree walks, a call stays in TypeScript (a kernel's setup would cost more). */
export const WASM_MIN_WALKS = 4096;

/** Kernels of the layouts seen in this thread (a layout lives as long as its model's node table). */
const kernels = new WeakMap<CompleteTreeLayout, WasmTreePredict>();

/**
 * CompleteTreeLayout's walks as WebAssembly (src/wasm/tree-predict-kernel.ts): the same leaves
 * added to the same sums in the same tree order, so results equal the TypeScript walks bit for
 * bit. Each instance holds one layout in its own memory; a block of rows and its sums are copied
 * in and the sums back out.
 */
export class WasmTreePredict {
  private readonly module: WebAssembly.Module;
  private readonly layout: CompleteTreeLayout;
  /** An instance for rows `cols` wide and sums `outCols` wide (made again when those change). */
  private fitted: FittedKernel | null = null;

  /** The kernel of a layout (made once per layout and thread), or null when it has not been built. */
  static of(layout: CompleteTreeLayout): WasmTreePredict | null {
    const known = kernels.get(layout);
    if (known) return known;
    const module = wasmModule(KERNEL);
    if (!module) return null;
    const kernel = new WasmTreePredict(module, layout);
    kernels.set(layout, kernel);
    return kernel;
  }

  private constructor(module: WebAssembly.Module, layout: CompleteTreeLayout) {
    this.module = module;
    this.layout = layout;
  }

  /**
   * Adds the leaf values of the trees to the sums (see CompleteTreeLayout.accumulate); false, the
   * sums untouched, when the kernel's memory for rows this wide cannot be had.
   */
  accumulate(sums: LeafSums): boolean {
    const { x, cols, r0, r1, t0, t1, out, outRow0, outCols, treeColumn } = sums;
    const k = orWithoutKernel(() => this.fit(cols, outCols));
    if (!k) return false;
    const kernel = k.exports;
    if (treeColumn) k.columns.set(treeColumn.subarray(0, this.layout.nTrees));
    const columnAt = treeColumn ? k.columnAt : 0;
    for (let b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
      const nb = Math.min(r1, b0 + BLOCK_ROWS) - b0;
      k.x.set(x.subarray(b0 * cols, (b0 + nb) * cols));
      const o0 = (b0 - outRow0) * outCols;
      k.out.set(out.subarray(o0, o0 + nb * outCols));
      const nClean = kernel.classify(k.xAt, nb, cols, k.cleanAt, k.missingAt);
      kernel.accumulateBlock(t0, t1, k.xAt, cols, k.cleanAt, nClean, k.missingAt, nb - nClean, k.outAt, outCols, columnAt);
      out.set(k.out.subarray(0, nb * outCols), o0);
    }
    return true;
  }

  /** The instance for rows `cols` wide and sums `outCols` wide: the layout, then the block buffers. */
  private fit(cols: number, outCols: number): FittedKernel {
    if (this.fitted && this.fitted.cols === cols && this.fitted.outCols === outCols) return this.fitted;
    const layout = this.layout;
    const parts = [layout.feature, layout.threshold, layout.missingRight, layout.leafValue];
    let places: number[] = [];
    const at = { x: 0, clean: 0, missing: 0, out: 0, column: 0 };
    const { exports, buffer } = instantiateKernel<KernelExports>(KERNEL, this.module, (heapStart) => {
      let top = heapStart;
      const take = (bytes: number): number => {
        const start = align(top);
        top = start + bytes;
        return start;
      };
      places = parts.map((part) => take(part.byteLength));
      at.x = take(BLOCK_ROWS * cols * 8);
      at.clean = take(BLOCK_ROWS * 4);
      at.missing = take(BLOCK_ROWS * 4);
      at.out = take(BLOCK_ROWS * outCols * 8);
      at.column = take(layout.nTrees * 4);
      return top;
    });
    assertKernelExports(KERNEL, exports, ['setLayout', 'classify', 'accumulateBlock']);
    const bytes = new Uint8Array(buffer);
    parts.forEach((part, k) => {
      bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), places[k]);
    });
    exports.setLayout(places[0], places[1], places[2], places[3], layout.depth);
    this.fitted = {
      exports,
      cols,
      outCols,
      xAt: at.x,
      cleanAt: at.clean,
      missingAt: at.missing,
      outAt: at.out,
      columnAt: at.column,
      x: new Float64Array(buffer, at.x, BLOCK_ROWS * cols),
      out: new Float64Array(buffer, at.out, BLOCK_ROWS * outCols),
      columns: new Int32Array(buffer, at.column, layout.nTrees),
    };
    return this.fitted;
  }
}

interface FittedKernel {
  exports: KernelExports;
  cols: number;
  outCols: number;
  xAt: number;
  cleanAt: number;
  missingAt: number;
  outAt: number;
  columnAt: number;
  x: Float64Array;
  out: Float64Array;
  columns: Int32Array;
}

function align(at: number): number {
  return (at + 15) & ~15;
}
