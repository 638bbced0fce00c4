import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { assertSamplerInputs, rowsByClass } from './sampler-input.js';

const X = Matrix.fromRows([[1], [2], [3], [4]], ['a']);
const check = { sampler: 'S', requireFinite: true };

test('assertSamplerInputs: counts rows per class, absent classes included', () => {
  const { labels, counts } = assertSamplerInputs(X, [2, 0, 2, 2], check);
  assert.deepEqual(Array.from(labels), [2, 0, 2, 2]);
  assert.deepEqual(counts, [1, 0, 3]);
  assert.deepEqual(
    rowsByClass(labels, counts).map((r) => Array.from(r)),
    [[1], [], [0, 2, 3]],
  );
});

test('assertSamplerInputs: names the problem — row counts, labels, a single class, non-finite values', () => {
  const fails = (y: number[], re: RegExp, matrix = X) =>
    assert.throws(
      () => assertSamplerInputs(matrix, y, check),
      (e: Error) => e instanceof InputError && re.test(e.message),
    );
  fails([0, 1, 1], /X has 4 rows but y has 3 labels/);
  fails([0, 1, -1, 1], /label at row 2 is -1/);
  fails([0, 1, 0.5, 1], /label at row 2 is 0.5/);
  fails([1, 1, 1, 1], /single class \(1\)/);
  fails([0, 1, 0, 1], /infinite value at row 1, column "a"/, Matrix.fromRows([[1], [Number.POSITIVE_INFINITY], [3], [4]], ['a']));
  assert.doesNotThrow(() =>
    assertSamplerInputs(Matrix.fromRows([[Number.NaN], [2]]), [0, 1], { sampler: 'S', requireFinite: false }),
  );
});
