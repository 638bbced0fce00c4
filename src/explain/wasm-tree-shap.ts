import { assertKernelExports, instantiateKernel, orWithoutKernel, wasmModule } from '../core/wasm-module.js';
import type { PathTables } from './path-tables.js';

/** The functions of src/wasm/tree-shap-kernel.ts. */
interface KernelExports {
  heapStart(): number;
  setTables(
    steps: number,
    stepStart: number,
    units: number,
    unitStart: number,
    groupWidth: number,
    features: number,
    values: number,
  ): void;
  explainTrees(
    t0: number,
    t1: number,
    nb: number,
    d: number,
    rows: number,
    scratch: number,
    stride: number,
    out: number,
    cols: number,
    outT: number,
  ): void;
}

const KERNEL = 'tree-shap-kernel';

/**
 * The tabulated Tree SHAP loops of one-output models run as WebAssembly (src/wasm/tree-shap-kernel.ts),
 * four rows at a time, and equal to the TypeScript loops bit for bit: the same additions in the same order
 * (`npm run bench:scoring` times both). Each instance holds one model's path tables in its own memory, and
 * buffers for one block of rows: `load` copies a block's rows and its contributions so far in,
 * `explainTrees` adds a run of tabulated trees, `block` lets other code (the recursive algorithm) add to
 * the block's contributions in between, and `store` copies them back out.
 */
export class WasmTreeShap {
  private readonly kernel: KernelExports;
  private readonly d: number;
  private readonly stride: number;
  private readonly rowsAt: number;
  private readonly scratchAt: number;
  private readonly outAt: number;
  private readonly colsAt: number;
  private readonly outTAt: number;
  private readonly rows: Float64Array;
  /** The block's contributions, row i of the block at i · d. */
  readonly block: Float64Array;

  /** Null when the kernel has not been built, the tables have more than one output, or its memory cannot be had. */
  static create(tables: PathTables, d: number, blockRows: number, stride: number): WasmTreeShap | null {
    if (tables.nOutputs !== 1) return null;
    const module = wasmModule(KERNEL);
    return module ? orWithoutKernel(() => new WasmTreeShap(module, tables, d, blockRows, stride)) : null;
  }

  private constructor(module: WebAssembly.Module, T: PathTables, d: number, blockRows: number, stride: number) {
    this.d = d;
    this.stride = stride;
    const parts = [T.stepF64, T.stepStart, T.units, T.unitStart, T.groupWidth, T.unitFeatures, T.values];
    let places: number[] = [];
    let rowsAt = 0;
    let scratchAt = 0;
    let outAt = 0;
    let colsAt = 0;
    let outTAt = 0;
    const { exports: kernel, buffer } = instantiateKernel<KernelExports>(KERNEL, module, (heapStart) => {
      let top = heapStart;
      const at = (bytes: number): number => {
        const start = (top + 15) & ~15;
        top = start + bytes;
        return start;
      };
      places = parts.map((part) => at(part.byteLength));
      // The kernel's feature-major copies hold the block's rows rounded up to a multiple of 4.
      const padded = 4 * Math.ceil(blockRows / 4);
      rowsAt = at(blockRows * d * 8);
      scratchAt = at(padded * stride * 4);
      outAt = at(blockRows * d * 8);
      colsAt = at(padded * d * 8);
      outTAt = at(padded * d * 8);
      return top;
    });
    assertKernelExports(KERNEL, kernel, ['setTables', 'explainTrees']);
    this.kernel = kernel;
    this.rowsAt = rowsAt;
    this.scratchAt = scratchAt;
    this.outAt = outAt;
    this.colsAt = colsAt;
    this.outTAt = outTAt;
    const bytes = new Uint8Array(buffer);
    parts.forEach((part, k) => {
      bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), places[k]);
    });
    kernel.setTables(places[0], places[1], places[2], places[3], places[4], places[5], places[6]);
    this.rows = new Float64Array(buffer, this.rowsAt, blockRows * d);
    this.block = new Float64Array(buffer, this.outAt, blockRows * d);
  }

  /** Copies rows [b0, b0 + nb) of `rows` (d wide) and their contributions so far (from `out` at `outBase`) in. */
  load(rows: Float64Array, b0: number, nb: number, out: Float64Array, outBase: number): void {
    const n = nb * this.d;
    this.rows.set(rows.subarray(b0 * this.d, b0 * this.d + n));
    this.block.set(out.subarray(outBase, outBase + n));
  }

  /** Adds tabulated trees [t0, t1) for the block's first nb rows. */
  explainTrees(t0: number, t1: number, nb: number): void {
    this.kernel.explainTrees(t0, t1, nb, this.d, this.rowsAt, this.scratchAt, this.stride, this.outAt, this.colsAt, this.outTAt);
  }

  /** Copies the block's contributions back to `out` at `outBase`. */
  store(nb: number, out: Float64Array, outBase: number): void {
    out.set(this.block.subarray(0, nb * this.d), outBase);
  }
}
