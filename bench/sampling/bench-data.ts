import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from '../../src/core/matrix.js';
import type { BenchMeta } from './strategies.js';

/** The exported benchmark data: matrix, labels, fold of each row and meta.json. */
export interface BenchData {
  meta: BenchMeta;
  X: Matrix;
  y: Int32Array;
  folds: Int32Array;
}

export function readF64(path: string): Float64Array {
  const bytes = readFileSync(path);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function readI32(path: string): Int32Array {
  const bytes = readFileSync(path);
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function readBenchData(dir: string): BenchData {
  const meta: BenchMeta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const X = new Matrix(meta.rows, meta.cols, readF64(join(dir, 'X.f64')), meta.names);
  const y = Int32Array.from(readFileSync(join(dir, 'y.i8')));
  return { meta, X, y, folds: readI32(join(dir, 'folds.i32')) };
}

/** Training and test rows of fold f. */
export function foldRows(folds: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < folds.length; i++) (folds[i] === f ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
