import { wasmModule } from '../../core/wasm-module.js';
import type { CompleteTreeLayout, LeafSums } from './complete-tree-layout.js';

/** The functions of src/wasm/tree-predict-kernel.ts. */
interface KernelExports {
  memory: WebAssembly.Memory;
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
const PAGE = 65536;
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
  private readonly kernel: KernelExports;
  private readonly nTrees: number;
  /** Where the block buffers start (after the layout). */
  private readonly blockAt: number;
  private cols = -1;
  private outCols = -1;
  private xAt = 0;
  private cleanAt = 0;
  private missingAt = 0;
  private outAt = 0;
  private columnAt = 0;
  private x = new Float64Array(0);
  private out = new Float64Array(0);
  private columns = new Int32Array(0);

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
    const instance = new WebAssembly.Instance(module, { env: { abort: kernelAbort } });
    const kernel = instance.exports as unknown as KernelExports;
    for (const name of ['memory', 'heapStart', 'setLayout', 'classify', 'accumulateBlock'] as const) {
      if (!(name in kernel)) throw new Error(`the ${KERNEL} WebAssembly module has no ${name}; rebuild it with npm run build`);
    }
    this.kernel = kernel;
    this.nTrees = layout.nTrees;
    const parts = [layout.feature, layout.threshold, layout.missingRight, layout.leafValue];
    let top = kernel.heapStart();
    const places = parts.map((part) => {
      const at = align(top);
      top = at + part.byteLength;
      return at;
    });
    this.blockAt = align(top);
    this.reserve(this.blockAt);
    const bytes = new Uint8Array(kernel.memory.buffer);
    parts.forEach((part, k) => {
      bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), places[k]);
    });
    kernel.setLayout(places[0], places[1], places[2], places[3], layout.depth);
  }

  /** Adds the leaf values of the trees to the sums (see CompleteTreeLayout.accumulate). */
  accumulate(sums: LeafSums): void {
    const { x, cols, r0, r1, t0, t1, out, outRow0, outCols, treeColumn } = sums;
    this.fit(cols, outCols);
    const kernel = this.kernel;
    if (treeColumn) this.columns.set(treeColumn.subarray(0, this.nTrees));
    const columnAt = treeColumn ? this.columnAt : 0;
    for (let b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
      const nb = Math.min(r1, b0 + BLOCK_ROWS) - b0;
      this.x.set(x.subarray(b0 * cols, (b0 + nb) * cols));
      const o0 = (b0 - outRow0) * outCols;
      this.out.set(out.subarray(o0, o0 + nb * outCols));
      const nClean = kernel.classify(this.xAt, nb, cols, this.cleanAt, this.missingAt);
      kernel.accumulateBlock(
        t0,
        t1,
        this.xAt,
        cols,
        this.cleanAt,
        nClean,
        this.missingAt,
        nb - nClean,
        this.outAt,
        outCols,
        columnAt,
      );
      out.set(this.out.subarray(0, nb * outCols), o0);
    }
  }

  /** Block buffers for rows `cols` wide and sums `outCols` wide (laid out again when those change). */
  private fit(cols: number, outCols: number): void {
    if (cols === this.cols && outCols === this.outCols) return;
    let top = this.blockAt;
    const take = (bytes: number): number => {
      const at = align(top);
      top = at + bytes;
      return at;
    };
    this.xAt = take(BLOCK_ROWS * cols * 8);
    this.cleanAt = take(BLOCK_ROWS * 4);
    this.missingAt = take(BLOCK_ROWS * 4);
    this.outAt = take(BLOCK_ROWS * outCols * 8);
    this.columnAt = take(this.nTrees * 4);
    this.reserve(top);
    const buffer = this.kernel.memory.buffer;
    this.x = new Float64Array(buffer, this.xAt, BLOCK_ROWS * cols);
    this.out = new Float64Array(buffer, this.outAt, BLOCK_ROWS * outCols);
    this.columns = new Int32Array(buffer, this.columnAt, this.nTrees);
    this.cols = cols;
    this.outCols = outCols;
  }

  /** Grows the memory to hold `bytes` (views made before must be made again). */
  private reserve(bytes: number): void {
    const memory = this.kernel.memory;
    const pages = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
  }
}

function align(at: number): number {
  return (at + 15) & ~15;
}

function kernelAbort(): never {
  throw new Error(`the ${KERNEL} WebAssembly module aborted`);
}
