/**
 * The shared contract every classifier passes (run from each model's test file):
 * fit returns this, same seed same output, inputs not mutated, probabilities in
 * [0, 1] that sum to 1 per row, unit sample weights equal no weights, reading
 * learned state before fit throws NotFittedError, and a JSON round trip predicts
 * bit-identically.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFittedError } from '../errors.js';
import type { Classifier } from '../estimator.js';
import { Matrix } from '../matrix.js';
import { Rng } from '../rng.js';
import { fromJSON } from '../serialization.js';

export interface ContractOptions {
  /** Builds a fresh, unfitted model; `seed` goes to its randomState. */
  make: (seed: number) => Classifier;
  /** Whether the model accepts NaN as missing. */
  allowsMissing?: boolean;
  /** Rows of the synthetic data sets (default 300). */
  rows?: number;
  /** Accuracy the 4-class check must beat (default 0.4; chance is 0.25). A one-score model such as a points rule set gets less. */
  minMultiClassAccuracy?: number;
}

/** A small, seeded, learnable binary or multi-class problem. */
export function makeContractData(
  rows: number,
  nClasses: number,
  seed: number,
  withMissing = false,
): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const d = 6;
  const X = new Matrix(rows, d);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const cls = i % nClasses;
    y[i] = cls;
    for (let j = 0; j < d; j++) {
      const signal = j < 3 ? (cls === j % nClasses ? 1.2 : 0) : 0;
      let v = rng.normal(signal, 1);
      if (j === 4) v = rng.int(3);
      if (withMissing && j === 5 && rng.bernoulli(0.1)) v = Number.NaN;
      X.set(i, j, v);
    }
  }
  return { X, y };
}

export function runClassifierContract(name: string, options: ContractOptions): void {
  const rows = options.rows ?? 300;
  const binary = makeContractData(rows, 2, 11, options.allowsMissing);
  const multi = makeContractData(rows, 4, 12, options.allowsMissing);

  test(`${name}: fit returns this and probabilities lie in [0, 1]`, async () => {
    const model = options.make(1);
    assert.equal(await model.fit(binary.X, binary.y), model);
    assert.equal(model.nClasses, 2);
    const p = model.predictProba(binary.X);
    assert.equal(p.length, rows);
    for (const v of p) assert.ok(v >= 0 && v <= 1, `probability ${v} outside [0, 1]`);
    const labels = model.predict(binary.X);
    let correct = 0;
    for (let i = 0; i < rows; i++) correct += labels[i] === binary.y[i] ? 1 : 0;
    assert.ok(correct / rows > 0.6, `accuracy ${correct / rows} is no better than chance on a learnable problem`);
  });

  test(`${name}: reading learned state before fit throws NotFittedError`, () => {
    const model = options.make(1);
    assert.throws(() => model.predictProba(binary.X), NotFittedError);
  });

  test(`${name}: the same seed gives the same predictions`, async () => {
    const a = await options.make(7).fit(binary.X, binary.y);
    const b = await options.make(7).fit(binary.X, binary.y);
    assert.deepEqual(a.predictProba(binary.X), b.predictProba(binary.X));
  });

  test(`${name}: fit does not mutate its inputs`, async () => {
    const X = new Matrix(binary.X.rows, binary.X.cols, binary.X.data.slice(), binary.X.columns);
    const y = binary.y.slice();
    const w = new Float64Array(rows).fill(1);
    await options.make(1).fit(X, y, { sampleWeight: w });
    assert.deepEqual(X.data, binary.X.data);
    assert.deepEqual(y, binary.y);
    assert.ok(w.every((v) => v === 1));
  });

  test(`${name}: unit sample weights equal no weights`, async () => {
    const a = await options.make(3).fit(binary.X, binary.y);
    const b = await options.make(3).fit(binary.X, binary.y, { sampleWeight: new Float64Array(rows).fill(1) });
    const pa = a.predictProba(binary.X);
    const pb = b.predictProba(binary.X);
    for (let i = 0; i < rows; i++) assert.ok(Math.abs(pa[i] - pb[i]) < 1e-9, `row ${i}: ${pa[i]} vs ${pb[i]}`);
  });

  test(`${name}: a JSON round trip predicts bit-identically`, async () => {
    const model = await options.make(5).fit(binary.X, binary.y);
    const restored = fromJSON<Classifier>(JSON.parse(JSON.stringify(model.toJSON())));
    assert.deepEqual(restored.predictProba(binary.X), model.predictProba(binary.X));
  });

  test(`${name}: multi-class probabilities sum to 1 per row`, async () => {
    const model = await options.make(2).fit(multi.X, multi.y);
    assert.equal(model.nClasses, 4);
    const P = model.predictClassProba(multi.X);
    assert.equal(P.cols, 4);
    for (let i = 0; i < P.rows; i++) {
      const row = P.row(i);
      const s = row.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(s - 1) < 1e-9, `row ${i} sums to ${s}`);
    }
    const labels = model.predict(multi.X);
    let correct = 0;
    for (let i = 0; i < rows; i++) correct += labels[i] === multi.y[i] ? 1 : 0;
    const minAccuracy = options.minMultiClassAccuracy ?? 0.4;
    assert.ok(correct / rows > minAccuracy, `4-class accuracy ${correct / rows} is near chance (0.25)`);
    const restored = fromJSON<Classifier>(JSON.parse(JSON.stringify(model.toJSON())));
    assert.deepEqual(restored.predictClassProba(multi.X).data, P.data);
  });
}
