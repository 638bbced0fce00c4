/**
 * The shared contract every sampler passes (run from each sampler's test file): resampled data
 * with the expected class counts and consistent shapes, same seed same output, inputs not
 * mutated, input rows unchanged at their sourceIndex, synthetic rows on a segment between two
 * rows of their class (interpolating samplers), and InputErrors for a single class or
 * mismatched rows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../core/errors.js';
import type { Resampled, Sampler } from '../../core/estimator.js';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';

export interface SamplerData {
  X: Matrix;
  y: Int32Array;
}

/**
 * A small, seeded, imbalanced binary data set: columns 0–2 continuous, 3–5 a one-hot group of a
 * 3-level categorical (a share of rows all-zero: "no value"), 6 a 0/1 indicator.
 */
export function makeSamplerData(rows = 120, positives = 20, seed = 3): SamplerData {
  const rng = new Rng(seed);
  const X = new Matrix(rows, 7, undefined, ['a', 'b', 'c', 'level=x', 'level=y', 'level=z', 'a__missing']);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const positive = i % Math.floor(rows / positives) === 0 && i / Math.floor(rows / positives) < positives;
    y[i] = positive ? 1 : 0;
    X.set(i, 0, rng.normal(positive ? 1 : 0, 1));
    X.set(i, 1, rng.uniform(0, 10));
    X.set(i, 2, rng.logNormal(positive ? 1 : 0, 0.5));
    const level = rng.int(4);
    if (level < 3) X.set(i, 3 + level, 1);
    X.set(i, 6, rng.bernoulli(0.3) ? 1 : 0);
  }
  return { X, y };
}

export interface SamplerContractOptions {
  /** A fresh sampler. */
  make: () => Sampler;
  /** Rows to resample (default `makeSamplerData()`). */
  data?: SamplerData;
  /** Rows of each class after resampling `data`. */
  expectedCounts: readonly number[];
  /** Interpolating samplers: columns over which synthetic rows lie on a segment between two rows of their class. */
  segmentColumns?: readonly number[];
}

const copyOf = (X: Matrix): Matrix => new Matrix(X.rows, X.cols, X.data.slice(), X.columns);

function countsOf(y: Int32Array, nClasses: number): number[] {
  const out = new Array<number>(nClasses).fill(0);
  for (const v of y) out[v]++;
  return out;
}

export function runSamplerContract(name: string, options: SamplerContractOptions): void {
  const data = options.data ?? makeSamplerData();
  const run = (seed: number): Resampled => options.make().fitResample(data.X, data.y, new Rng(seed));

  test(`${name}: returns resampled rows with the expected class counts`, () => {
    const out = run(1);
    assert.equal(out.X.cols, data.X.cols);
    assert.deepEqual(out.X.columns, data.X.columns);
    assert.equal(out.X.rows, out.y.length);
    assert.equal(out.sourceIndex.length, out.y.length);
    assert.deepEqual(countsOf(out.y, options.expectedCounts.length), [...options.expectedCounts]);
  });

  test(`${name}: the same seed gives identical output`, () => {
    const a = run(7);
    const b = run(7);
    assert.deepEqual(a.X.data, b.X.data);
    assert.deepEqual(a.y, b.y);
    assert.deepEqual(a.sourceIndex, b.sourceIndex);
  });

  test(`${name}: does not mutate X or y`, () => {
    const X = copyOf(data.X);
    const y = data.y.slice();
    options.make().fitResample(X, y, new Rng(2));
    assert.deepEqual(X.data, data.X.data);
    assert.deepEqual(y, data.y);
    const plain = Array.from(data.y);
    options.make().fitResample(X, plain, new Rng(2));
    assert.deepEqual(plain, Array.from(data.y));
  });

  test(`${name}: rows with a sourceIndex are the input rows, unchanged`, () => {
    const out = run(3);
    for (let r = 0; r < out.X.rows; r++) {
      const src = out.sourceIndex[r];
      if (src < 0) continue;
      assert.ok(src < data.X.rows, `sourceIndex ${src} is out of range`);
      assert.deepEqual(out.X.row(r), data.X.row(src), `row ${r} differs from input row ${src}`);
      assert.equal(out.y[r], data.y[src]);
    }
  });

  test(`${name}: synthetic rows ${options.segmentColumns ? 'lie on a segment between two rows of their class' : 'do not occur'}`, () => {
    const out = run(4);
    let synthetic = 0;
    for (let r = 0; r < out.X.rows; r++) {
      if (out.sourceIndex[r] >= 0) continue;
      synthetic++;
      assert.ok(options.segmentColumns, `row ${r} is synthetic, but this sampler only copies rows`);
      assert.ok(onSomeSegment(out.X.row(r), out.y[r], data, options.segmentColumns), `synthetic row ${r} is on no segment`);
    }
    if (options.segmentColumns) assert.ok(synthetic > 0, 'no synthetic rows were made');
  });

  test(`${name}: rejects a single class and mismatched rows with an InputError`, () => {
    const single = new Int32Array(data.X.rows);
    assert.throws(() => options.make().fitResample(data.X, single, new Rng(1)), InputError);
    assert.throws(() => options.make().fitResample(data.X, data.y.subarray(1), new Rng(1)), InputError);
  });
}

/** Whether `row` equals a + u · (b − a) over `columns` for two rows a, b of class `label` and one u in [0, 1]. */
function onSomeSegment(row: Float64Array, label: number, data: SamplerData, columns: readonly number[]): boolean {
  const rows = [...data.y.keys()].filter((i) => data.y[i] === label);
  const tol = 1e-9;
  for (const i of rows) {
    const a = data.X.row(i);
    for (const j of rows) {
      const b = data.X.row(j);
      let widest = columns[0];
      for (const c of columns) if (Math.abs(b[c] - a[c]) > Math.abs(b[widest] - a[widest])) widest = c;
      const span = b[widest] - a[widest];
      const u = span === 0 ? 0 : (row[widest] - a[widest]) / span;
      if (u < -tol || u > 1 + tol) continue;
      if (columns.every((c) => Math.abs(a[c] + u * (b[c] - a[c]) - row[c]) <= tol * (1 + Math.abs(row[c])))) return true;
    }
  }
  return false;
}
