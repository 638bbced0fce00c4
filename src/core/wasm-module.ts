import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leadstackPackage } from './package-root.js';

const compiled = new Map<string, WebAssembly.Module | null>();

/** Where `npm run build` writes the WebAssembly kernels compiled from src/wasm. */
export function wasmPath(name: string): string {
  return join(leadstackPackage().root, 'dist', 'wasm', name);
}

/**
 * A WebAssembly kernel compiled by `npm run build` (src/wasm/<name>.ts → dist/wasm/<name>.wasm),
 * compiled once per thread; null when it has not been built (callers then use their TypeScript
 * loops, which give the same results more slowly). The same file serves the sources, `dist/`
 * and any other compiled copy of the library.
 */
export function wasmModule(name: string): WebAssembly.Module | null {
  const known = compiled.get(name);
  if (known !== undefined) return known;
  const path = wasmPath(`${name}.wasm`);
  let module: WebAssembly.Module | null = null;
  if (existsSync(path)) {
    try {
      module = new WebAssembly.Module(readFileSync(path));
    } catch (error) {
      throw new Error(`${path} is not a valid WebAssembly module (${(error as Error).message}); rebuild it with npm run build`);
    }
  }
  compiled.set(name, module);
  return module;
}

const PAGE = 65536;
/** A 32-bit WebAssembly memory holds at most 4 GiB. */
const MAX_PAGES = 65536;

/** A kernel's memory could not be had (too large for a 32-bit memory, or refused): its caller runs the TypeScript loops. */
export class KernelMemoryError extends Error {}

/** `make()`, or null when it needs more kernel memory than can be had (the caller then runs its TypeScript loops). */
export function orWithoutKernel<T>(make: () => T): T | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof KernelMemoryError) return null;
    throw error;
  }
}
const heapStarts = new WeakMap<WebAssembly.Module, number>();

/** A kernel instance and the memory it runs in (never grown: see `instantiateKernel`). */
export interface KernelInstance<T> {
  exports: T;
  memory: WebAssembly.Memory;
  /** The memory's bytes (one buffer for the instance's life). */
  buffer: ArrayBuffer;
}

/**
 * An instance of a kernel compiled from src/wasm (which imports its memory as env.memory and
 * exports `heapStart()`), in a new memory sized once: `bytes(heapStart)` lays the caller's buffers
 * out from the kernel's first free byte and returns the bytes it needs. The memory is never grown:
 * growing it would detach its old buffer, and once any ArrayBuffer has been detached in a thread,
 * V8 checks for detached buffers on every typed-array access in optimized code from then on (the
 * gradient-boosting fit of the built-in data took 4.1–4.4 s instead of 3.3–3.6 s after one).
 */
export function instantiateKernel<T extends { heapStart(): number }>(
  name: string,
  module: WebAssembly.Module,
  bytes: (heapStart: number) => number,
): KernelInstance<T> {
  const abort = (): never => {
    throw new Error(`the ${name} WebAssembly module aborted`);
  };
  let heapStart = heapStarts.get(module);
  if (heapStart === undefined) {
    const probe = new WebAssembly.Instance(module, { env: { memory: new WebAssembly.Memory({ initial: 1 }), abort } });
    heapStart = (probe.exports as unknown as T).heapStart();
    heapStarts.set(module, heapStart);
  }
  const pages = Math.max(1, Math.ceil(bytes(heapStart) / PAGE));
  if (pages > MAX_PAGES) throw new KernelMemoryError(`${name}: ${pages} pages of memory asked for, at most ${MAX_PAGES}`);
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages });
  } catch (error) {
    if (error instanceof RangeError) throw new KernelMemoryError(`${name}: ${pages} pages of memory could not be had`);
    throw error;
  }
  const instance = new WebAssembly.Instance(module, { env: { memory, abort } });
  return { exports: instance.exports as unknown as T, memory, buffer: memory.buffer };
}

/** Checks that a kernel has the functions its host calls (an older build may not). */
export function assertKernelExports(name: string, exports: object, names: readonly string[]): void {
  for (const fn of names) {
    if (typeof (exports as Record<string, unknown>)[fn] !== 'function')
      throw new Error(`the ${name} WebAssembly module has no ${fn}; rebuild it with npm run build`);
  }
}
