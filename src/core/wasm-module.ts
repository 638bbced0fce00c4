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
